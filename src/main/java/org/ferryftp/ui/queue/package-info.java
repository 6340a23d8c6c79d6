/**
 * The transfer queue view: a self-contained component for the main window's bottom region.
 *
 * <pre>{@code
 * ResourceBundle bundle = QueueView.defaultBundle();
 * QueueViewModel vm = new QueueViewModel(queue, Platform::runLater, backgroundExecutor,
 *         ProgressThrottle.Scheduler.of(scheduledExecutor), System::nanoTime);
 * borderPane.setBottom(new QueueView(vm, bundle));          // tabs Queue / Failed / Finished
 * statusBar.getChildren().add(new QueueStatusBar(vm, bundle)); // total progress, speed, counts
 * // Conflicts: build the queue with
 * ConflictPolicy.asking(new ConflictDialog(new FxConflictPrompt(bundle, () -> stage, ZoneId.systemDefault()),
 *         Platform::runLater, Platform::isFxApplicationThread));
 * // On exit: vm.close() (stops listening), then queue.close().
 * }</pre>
 *
 * The view model never touches controls and receives queue events on worker threads; it coalesces them by
 * item id and applies at most ten batches a second on the FX executor.
 */
package org.ferryftp.ui.queue;
