package org.ferryftp.ui.sites;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.ui.Messages;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Asks for the password of an "ask for password" site, or the passphrase of an SFTP site's key when none is stored. Connections are opened off the UI thread,
 * so the question is put on the UI thread and the caller waits for the answer.
 */
public final class FxPasswordPrompt implements SiteCatalog.PasswordPrompt {

    private final Supplier<Window> owner;
    private final Messages msg;
    private final Executor fxThread;
    private final BooleanSupplier onFxThread;

    public FxPasswordPrompt(Supplier<Window> owner, Messages msg, Executor fxThread, BooleanSupplier onFxThread) {
        this.owner = owner;
        this.msg = msg;
        this.fxThread = fxThread;
        this.onFxThread = onFxThread;
    }

    @Override
    public Optional<String> ask(SiteProfile site) {
        return onFx(() -> show(msg.get("site.password.title"),
                msg.format("site.password.header", site.name(), site.user() + "@" + site.host()), "ask-password"));
    }

    @Override
    public Optional<String> askKeyPassphrase(SiteProfile site) {
        return onFx(() -> show(msg.get("site.passphrase.title"),
                msg.format("site.passphrase.header", site.ssh().keyFile(), site.name()), "ask-key-passphrase"));
    }

    private Optional<String> onFx(Supplier<Optional<String>> show) {
        if (onFxThread.getAsBoolean()) {
            return show.get();
        }
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        fxThread.execute(() -> answer.complete(show.get()));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<String> show(String title, String header, String fieldId) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId(fieldId);
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        return d.showAndWait();
    }
}
