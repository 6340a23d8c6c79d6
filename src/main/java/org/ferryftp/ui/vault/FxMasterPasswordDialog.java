package org.ferryftp.ui.vault;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ferryftp.site.vault.MasterPasswordRequest;
import org.ferryftp.site.vault.MasterPasswordSource;
import org.ferryftp.site.vault.VaultException;

import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Asks for the vault's master password in a modal dialog. A new vault gets two fields and OK stays disabled until
 * they match; after a wrong password the dialog comes back with the reason above the field. Called from a worker
 * thread, the worker waits while the FX thread shows the dialog; called on the FX thread, it shows it directly.
 */
public final class FxMasterPasswordDialog implements MasterPasswordSource {

    private final ResourceBundle text;
    private final Supplier<Window> owner;
    private final Executor fx;
    private final BooleanSupplier onFxThread;

    /**
     * @param owner      the window the dialog belongs to (may supply null)
     * @param fx         runs on the FX thread ({@code Platform::runLater})
     * @param onFxThread {@code Platform::isFxApplicationThread}
     */
    public FxMasterPasswordDialog(Supplier<Window> owner, Executor fx, BooleanSupplier onFxThread) {
        this.text = ResourceBundle.getBundle("org.ferryftp.ui.vault.vault");
        this.owner = owner;
        this.fx = fx;
        this.onFxThread = onFxThread;
    }

    @Override
    public char[] masterPassword(MasterPasswordRequest request) throws VaultException {
        Optional<char[]> answer;
        if (onFxThread.getAsBoolean()) {
            answer = show(request);
        } else {
            CompletableFuture<Optional<char[]>> shown = new CompletableFuture<>();
            fx.execute(() -> {
                try {
                    shown.complete(show(request));
                } catch (RuntimeException e) {
                    shown.completeExceptionally(e);
                }
            });
            try {
                answer = shown.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VaultException(text.getString("vault.cancelled"));
            } catch (ExecutionException e) {
                throw new VaultException("the master password dialog failed: " + e.getCause());
            }
        }
        return answer.orElseThrow(() -> new VaultException(text.getString("vault.cancelled")));
    }

    @Override
    public boolean canAskAgain() {
        return true;
    }

    private Optional<char[]> show(MasterPasswordRequest request) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(text.getString("vault.title"));
        dialog.setHeaderText(text.getString(request.creating() ? "vault.create.header" : "vault.unlock.header"));
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        PasswordField password = new PasswordField();
        password.setId("vault-password");
        PasswordField repeat = new PasswordField();
        repeat.setId("vault-repeat");
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        fields.addRow(0, new Label(text.getString("vault.password")), password);
        if (request.creating()) {
            fields.addRow(1, new Label(text.getString("vault.repeat")), repeat);
        }
        Label differ = new Label(text.getString("vault.differ"));
        differ.setId("vault-differ");
        BooleanBinding mismatch = request.creating()
                ? Bindings.notEqual(password.textProperty(), repeat.textProperty())
                : Bindings.createBooleanBinding(() -> false);
        differ.visibleProperty().bind(mismatch.and(repeat.textProperty().isNotEmpty()));
        VBox content = new VBox(10);
        request.previousProblem().ifPresent(p -> content.getChildren().add(problem(p)));
        content.getChildren().addAll(fields, new Label(MessageFormat.format(text.getString("vault.file"),
                request.vaultFile())));
        if (request.creating()) {
            content.getChildren().add(differ);
        }
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(password.textProperty().isEmpty().or(mismatch));
        dialog.setResultConverter(b -> b == ButtonType.OK ? password.getText().toCharArray() : null);
        dialog.setOnShown(e -> password.requestFocus());
        Optional<char[]> result = dialog.showAndWait();
        // The fields' text is a String that cannot be wiped; drop it from the controls at least.
        password.clear();
        repeat.clear();
        return result;
    }

    private static Label problem(String why) {
        Label l = new Label(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
        l.setId("vault-problem");
        l.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        l.setWrapText(true);
        return l;
    }
}
