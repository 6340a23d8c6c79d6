package org.ferryftp.ui.sites;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.FxpPassiveSide;
import org.ferryftp.site.FxpRelay;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.TlsMode;
import org.ferryftp.ui.Messages;

/** The form of one site in three tabs: General, Transfer, Advanced. Binds to a {@link SiteForm}. */
final class SiteFormView {

    private final TabPane tabs = new TabPane();
    private final Messages msg;
    private final SiteForm f;

    private final Runnable chooseKeyFile;
    private final BooleanBinding ftp;

    /** @param chooseKeyFile opens the file chooser for the SFTP key file (the view model's command) */
    SiteFormView(SiteForm form, Messages msg, Runnable chooseKeyFile) {
        this.msg = msg;
        this.f = form;
        this.chooseKeyFile = chooseKeyFile;
        this.ftp = form.protocol.isEqualTo(SiteProtocol.FTP);
        tabs.setId("site-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("site-tab-general", "tab.general", general()),
                tab("site-tab-transfer", "tab.transfer", transfer()),
                tab("site-tab-advanced", "tab.advanced", advanced()));
    }

    TabPane node() {
        return tabs;
    }

    private Tab tab(String id, String key, FormGrid grid) {
        ScrollPane scroll = new ScrollPane(grid.node());
        scroll.setFitToWidth(true);
        Tab t = new Tab(msg.get(key), scroll);
        t.setId(id);
        return t;
    }

    private FormGrid general() {
        FormGrid g = new FormGrid(msg);
        g.row("f.name", g.text("site-name", f.name), null);
        g.row("f.host", g.text("site-host", f.host), null);
        TextField port = g.row("f.port", g.text("site-port", f.port), null);
        port.setMaxWidth(90);
        g.row("f.protocol", g.choice("site-protocol", SiteProtocol.values(), "protocol", f.protocol), null);
        FormGrid.showWhen(ftp, g.row("f.tls", g.choice("site-tls", TlsMode.values(), "tls", f.tls), null));
        g.row("f.login", g.choice("site-login", LoginType.values(), "login", f.login), null);
        TextField user = g.row("f.user", g.text("site-user", f.user), null);
        PasswordField pw = new PasswordField();
        pw.setId("site-password");
        pw.textProperty().bindBidirectional(f.password);
        g.row("f.password", pw, null);
        TextField account = g.row("f.account", g.text("site-account", f.account), null);
        FormGrid.showWhen(ftp, account);
        sshRows(g);
        FormGrid.enableWhen(f.login.isNotEqualTo(LoginType.ANONYMOUS), user);
        FormGrid.enableWhen(f.login.isEqualTo(LoginType.NORMAL).or(f.login.isEqualTo(LoginType.ACCOUNT)), pw);
        FormGrid.enableWhen(f.login.isEqualTo(LoginType.ACCOUNT), account);
        g.row("f.colour", colour(), null);
        TextArea notes = new TextArea();
        notes.setId("site-notes");
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(f.notes);
        g.row("f.notes", notes, null);
        return g;
    }

    /** Key file (typed or chosen), ssh-agent and the key's passphrase: shown for SFTP sites only. */
    private void sshRows(FormGrid g) {
        BooleanBinding sftp = f.protocol.isEqualTo(SiteProtocol.SFTP);
        TextField file = g.text("site-key-file", f.keyFile);
        file.setPromptText("~/.ssh/id_ed25519");
        Button browse = new Button(msg.get("f.keyFile.browse"));
        browse.setId("site-key-browse");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(e -> chooseKeyFile.run());
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("site-key-passphrase");
        passphrase.textProperty().bindBidirectional(f.keyPassphrase);
        FormGrid.showWhen(sftp, g.row("f.keyFile", fileRow, "f.keyFile.tip"),
                g.row("f.keyPassphrase", passphrase, "f.keyPassphrase.tip"),
                g.wide(g.check("site-agent", "f.useAgent", f.useAgent), "f.useAgent.tip"));
        FormGrid.enableWhen(f.keyFile.isNotEmpty(), passphrase);
    }

    private HBox colour() {
        ColorPicker picker = new ColorPicker();
        picker.setId("site-colour");
        // Only the swatch: the picker's own label is clipped in the form row; the hex code is shown beside it.
        picker.setStyle("-fx-color-label-visible: false;");
        javafx.scene.control.Label hex = new javafx.scene.control.Label();
        hex.textProperty().bind(f.colour);
        Button clear = new Button("\u2715");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> f.colour.set(""));
        Runnable fromForm = () -> {
            String c = f.colour.get();
            picker.setValue(c != null && c.matches("#[0-9a-fA-F]{6}") ? Color.web(c) : null);
        };
        f.colour.addListener((o, a, b) -> fromForm.run());
        picker.setOnAction(e -> {
            Color c = picker.getValue();
            f.colour.set(c == null ? "" : String.format("#%02x%02x%02x", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)));
        });
        fromForm.run();
        HBox box = new HBox(8, picker, hex, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private FormGrid transfer() {
        FormGrid g = new FormGrid(msg);
        // FTP-only rows are greyed out, not hidden, for SFTP: the tab keeps its shape and says what does not apply.
        g.wide(note("site-ftp-only", "f.ftpOnly"), null).visibleProperty().bind(ftp.not());
        FormGrid.enableWhen(ftp, g.row("f.dataMode",
                g.choice("site-data-mode", DataConnectionMode.values(), "dataMode", f.dataMode), null));
        BooleanBinding passive = f.dataMode.isEqualTo(DataConnectionMode.PASSIVE).and(ftp);
        BooleanBinding active = f.dataMode.isEqualTo(DataConnectionMode.ACTIVE).and(ftp);
        FormGrid.enableWhen(passive, g.wide(g.check("site-epsv", "f.preferEpsv", f.preferEpsv), "f.preferEpsv.tip"),
                g.wide(g.check("site-pasv-address", "f.usePasvAddress", f.usePasvAddress), "f.usePasvAddress.tip"));
        TextField min = g.text("site-port-min", f.activePortMin);
        TextField max = g.text("site-port-max", f.activePortMax);
        min.setPrefColumnCount(6);
        max.setPrefColumnCount(6);
        HBox range = new HBox(6, min, new javafx.scene.control.Label("\u2013"), max);
        range.setAlignment(Pos.CENTER_LEFT);
        g.row("f.activePorts", range, "f.activePorts.tip");
        TextField external = g.row("f.activeExternal", g.text("site-external", f.activeExternal), "f.activeExternal.tip");
        FormGrid.enableWhen(active, range, external,
                g.wide(g.check("site-eprt", "f.preferEprt", f.preferEprt), null));
        FormGrid.enableWhen(ftp, g.row("f.type", g.choice("site-type", TypeChoice.values(), "type", f.type), "f.type.tip"));
        FormGrid.enableWhen(f.type.isEqualTo(TypeChoice.AUTO).and(ftp), g.row("f.asciiExtensions",
                g.text("site-ascii-ext", f.asciiExtensions), "f.asciiExtensions.tip"));
        TextField byteSize = g.row("f.byteSize", g.text("site-byte-size", f.byteSize), null);
        byteSize.setMaxWidth(90);
        FormGrid.enableWhen(f.type.isEqualTo(TypeChoice.LOCAL).and(ftp), byteSize);
        FormGrid.enableWhen(f.type.isEqualTo(TypeChoice.ASCII).or(f.type.isEqualTo(TypeChoice.EBCDIC)).and(ftp),
                g.row("f.format", g.choice("site-format", FormatControl.values(), "format", f.format), "f.format.tip"));
        FormGrid.enableWhen(f.type.isEqualTo(TypeChoice.EBCDIC).and(ftp),
                g.row("f.ebcdic", g.text("site-ebcdic", f.ebcdicCodePage), "f.ebcdic.tip"));
        FormGrid.enableWhen(ftp,
                g.row("f.structure", g.choice("site-stru", FileStructure.values(), "stru", f.structure), "f.structure.tip"),
                g.row("f.mode", g.choice("site-mode", TransferMode.values(), "mode", f.mode), "f.mode.tip"));
        TextField conns = g.row("f.maxConnections", g.text("site-connections", f.maxConnections), "f.maxConnections.tip");
        conns.setMaxWidth(90);
        FormGrid.enableWhen(ftp, g.row("f.fxpPassive",
                        g.choice("site-fxp-passive", FxpPassiveSide.values(), "fxpPassive", f.fxpPassive), "f.fxpPassive.tip"),
                g.row("f.fxpRelay", g.choice("site-fxp-relay", FxpRelay.values(), "fxpRelay", f.fxpRelay),
                        "f.fxpRelay.tip"));
        g.wide(g.check("site-upload-temp-name", "f.uploadViaTempName", f.uploadViaTempName), "f.uploadViaTempName.tip");
        g.wide(g.check("site-keep-times", "f.keepTimes", f.keepTimes), "f.keepTimes.tip");
        return g;
    }

    private FormGrid advanced() {
        FormGrid g = new FormGrid(msg);
        FormGrid.enableWhen(ftp,
                g.row("f.charset", g.choice("site-charset", CharsetChoice.values(), "charset", f.charset), "f.charset.tip"));
        FormGrid.enableWhen(f.charset.isEqualTo(CharsetChoice.NAMED).and(ftp),
                g.row("f.charsetName", g.text("site-charset-name", f.charsetName), "f.charset.tip"));
        for (String[] t : new String[][] {{"f.connectTimeout", "site-timeout-connect"},
                {"f.replyTimeout", "site-timeout-reply"}, {"f.dataTimeout", "site-timeout-data"}}) {
            TextField timeout = g.row(t[0], g.text(t[1], t[0].equals("f.connectTimeout") ? f.connectTimeout
                    : t[0].equals("f.replyTimeout") ? f.replyTimeout : f.dataTimeout), "f.timeouts.tip");
            timeout.setMaxWidth(90);
            if (t[0].equals("f.dataTimeout")) {
                FormGrid.enableWhen(ftp, timeout); // SFTP has no data connection; its requests use the reply timeout
            }
        }
        g.row("f.keepAlive", g.text("site-keepalive", f.keepAlive), "f.keepAlive.tip").setMaxWidth(90);
        g.row("f.localDir", g.text("site-local-dir", f.localDir), null);
        g.row("f.remoteDir", g.text("site-remote-dir", f.remoteDir), null);
        g.row("f.bookmarks", bookmarks(), null);
        FormGrid.enableWhen(f.tls.isNotEqualTo(TlsMode.NONE).and(ftp),
                g.wide(g.check("site-prot-p", "f.protectData", f.protectData), "f.protectData.tip"));
        // SFTP goes through the proxy too (SshLogin's tunnel); only the passive-mode note is FTP's.
        g.row("f.proxy", g.choice("site-proxy", ProxyChoice.values(), "proxy", f.proxy), "f.proxy.tip");
        TextField proxyHost = g.row("f.proxyHost", g.text("site-proxy-host", f.proxyHost), null);
        TextField proxyPort = g.row("f.proxyPort", g.text("site-proxy-port", f.proxyPort), "f.proxyPort.tip");
        proxyPort.setMaxWidth(90);
        TextField proxyUser = g.row("f.proxyUser", g.text("site-proxy-user", f.proxyUser), null);
        PasswordField proxyPw = new PasswordField();
        proxyPw.setId("site-proxy-password");
        proxyPw.textProperty().bindBidirectional(f.proxyPassword);
        g.row("f.proxyPassword", proxyPw, null);
        javafx.beans.binding.BooleanBinding custom = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> f.proxy.get() != null && f.proxy.get().custom(), f.proxy);
        FormGrid.enableWhen(custom, proxyHost, proxyPort, proxyUser, proxyPw);
        g.wide(note("site-proxy-passive", "f.proxy.passive"), null).visibleProperty()
                .bind(ftp.and(f.proxy.isNotEqualTo(ProxyChoice.NONE)));
        return g;
    }

    private VBox bookmarks() {
        ListView<Bookmark> list = new ListView<>(f.bookmarks);
        list.setId("site-bookmarks");
        list.setPrefHeight(90);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Bookmark b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.name() + "   " + nz(b.localDir()) + "  \u2194  " + nz(b.remoteDir()));
            }
        });
        TextField name = prompt("f.bookmark.name");
        TextField local = prompt("f.bookmark.local");
        TextField remote = prompt("f.bookmark.remote");
        Button add = new Button(msg.get("f.bookmarks.add"));
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> name.getText().isBlank(), name.textProperty()));
        add.setOnAction(e -> {
            f.bookmarks.add(new Bookmark(name.getText().strip(), blank(local.getText()), blank(remote.getText())));
            name.clear();
            local.clear();
            remote.clear();
        });
        Button remove = new Button(msg.get("f.bookmarks.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> f.bookmarks.remove(list.getSelectionModel().getSelectedItem()));
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox fields = new HBox(6, name, local, remote, add, remove);
        HBox.setHgrow(local, Priority.ALWAYS);
        HBox.setHgrow(remote, Priority.ALWAYS);
        fields.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, list, fields);
    }

    private javafx.scene.control.Label note(String id, String key) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(msg.get(key));
        l.setId(id);
        l.setWrapText(true);
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private TextField prompt(String key) {
        TextField t = new TextField();
        t.setPromptText(msg.get(key));
        t.setPrefColumnCount(5);
        t.setMinWidth(60);
        return t;
    }

    private static String nz(String s) {
        return s == null ? "\u2014" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
