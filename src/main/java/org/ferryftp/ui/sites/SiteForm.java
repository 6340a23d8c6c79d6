package org.ferryftp.ui.sites;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.FxpPassiveSide;
import org.ferryftp.site.FxpRelay;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.TlsMode;

/**
 * The editable fields of one site, as properties the form binds to. {@link #load} fills them from a
 * profile; {@link SiteFormParser} turns them back into one, or into messages saying what is wrong.
 */
public final class SiteForm {

    // General
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("21");
    final ObjectProperty<SiteProtocol> protocol = new SimpleObjectProperty<>(SiteProtocol.FTP);
    final ObjectProperty<TlsMode> tls = new SimpleObjectProperty<>(TlsMode.NONE);
    final ObjectProperty<LoginType> login = new SimpleObjectProperty<>(LoginType.NORMAL);
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty account = new SimpleStringProperty("");
    final StringProperty colour = new SimpleStringProperty("");
    // SFTP
    final StringProperty keyFile = new SimpleStringProperty("");
    final BooleanProperty useAgent = new SimpleBooleanProperty(false);
    final StringProperty keyPassphrase = new SimpleStringProperty("");
    final StringProperty notes = new SimpleStringProperty("");
    // Transfer
    final ObjectProperty<DataConnectionMode> dataMode = new SimpleObjectProperty<>(DataConnectionMode.PASSIVE);
    final BooleanProperty preferEpsv = new SimpleBooleanProperty(true);
    final BooleanProperty usePasvAddress = new SimpleBooleanProperty(false);
    final StringProperty activePortMin = new SimpleStringProperty("");
    final StringProperty activePortMax = new SimpleStringProperty("");
    final StringProperty activeExternal = new SimpleStringProperty("");
    final BooleanProperty preferEprt = new SimpleBooleanProperty(false);
    final ObjectProperty<TypeChoice> type = new SimpleObjectProperty<>(TypeChoice.IMAGE);
    final StringProperty byteSize = new SimpleStringProperty("8");
    final StringProperty asciiExtensions = new SimpleStringProperty("");
    final ObjectProperty<FormatControl> format = new SimpleObjectProperty<>(FormatControl.NON_PRINT);
    final StringProperty ebcdicCodePage = new SimpleStringProperty(Representation.DEFAULT_EBCDIC.name());
    final ObjectProperty<FileStructure> structure = new SimpleObjectProperty<>(FileStructure.FILE);
    final ObjectProperty<TransferMode> mode = new SimpleObjectProperty<>(TransferMode.STREAM);
    final StringProperty maxConnections = new SimpleStringProperty("2");
    final ObjectProperty<FxpPassiveSide> fxpPassive = new SimpleObjectProperty<>(FxpPassiveSide.AUTO);
    final ObjectProperty<FxpRelay> fxpRelay = new SimpleObjectProperty<>(FxpRelay.NEVER);
    // Advanced
    final ObjectProperty<CharsetChoice> charset = new SimpleObjectProperty<>(CharsetChoice.AUTO);
    final StringProperty charsetName = new SimpleStringProperty("");
    final StringProperty connectTimeout = new SimpleStringProperty("20");
    final StringProperty replyTimeout = new SimpleStringProperty("30");
    final StringProperty dataTimeout = new SimpleStringProperty("60");
    final StringProperty keepAlive = new SimpleStringProperty("0");
    final StringProperty localDir = new SimpleStringProperty("");
    final StringProperty remoteDir = new SimpleStringProperty("");
    final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    final BooleanProperty protectData = new SimpleBooleanProperty(true);
    final BooleanProperty uploadViaTempName = new SimpleBooleanProperty(true);
    final BooleanProperty keepTimes = new SimpleBooleanProperty(true);
    // Proxy
    final ObjectProperty<ProxyChoice> proxy = new SimpleObjectProperty<>(ProxyChoice.NONE);
    final StringProperty proxyHost = new SimpleStringProperty("");
    final StringProperty proxyPort = new SimpleStringProperty("");
    final StringProperty proxyUser = new SimpleStringProperty("");
    final StringProperty proxyPassword = new SimpleStringProperty("");

    public SiteForm() {
        // A port still at the old protocol's default follows the protocol (21, 990 implicit FTPS, 22 SFTP).
        protocol.addListener((o, before, now) -> followDefaultPort(before, tls.get(), now, tls.get()));
        tls.addListener((o, before, now) -> followDefaultPort(protocol.get(), before, protocol.get(), now));
    }

    private void followDefaultPort(SiteProtocol oldProtocol, TlsMode oldTls, SiteProtocol newProtocol, TlsMode newTls) {
        if (oldProtocol == null || newProtocol == null
                || !port.get().strip().equals(Integer.toString(oldProtocol.defaultPort(oldTls)))) {
            return;
        }
        port.set(Integer.toString(newProtocol.defaultPort(newTls)));
    }

    /** Fills every field from {@code p}; {@code pw} is the stored password (empty when none). */
    public void load(SiteProfile p, String pw) {
        load(p, pw, "", "");
    }

    /**
     * As {@link #load(SiteProfile, String)}, with the stored password of the site's proxy and the stored passphrase
     * of its SSH key.
     */
    public void load(SiteProfile p, String pw, String proxyPw, String passphrase) {
        name.set(p.name());
        host.set(p.host());
        protocol.set(p.protocol());
        tls.set(p.tls());
        port.set(Integer.toString(p.port())); // after the protocol, whose change moves a default port
        keyFile.set(text(p.ssh().keyFile()));
        useAgent.set(p.ssh().useAgent());
        keyPassphrase.set(passphrase == null ? "" : passphrase);
        login.set(p.login());
        user.set(p.user());
        password.set(pw == null ? "" : pw);
        account.set(text(p.account()));
        colour.set(text(p.colour()));
        notes.set(p.notes());
        dataMode.set(p.data().mode());
        preferEpsv.set(p.data().preferEpsv());
        usePasvAddress.set(p.data().usePasvAddress());
        activePortMin.set(p.data().activePortMin() == 0 ? "" : Integer.toString(p.data().activePortMin()));
        activePortMax.set(p.data().activePortMax() == 0 ? "" : Integer.toString(p.data().activePortMax()));
        activeExternal.set(text(p.data().activeExternalAddress()));
        preferEprt.set(p.data().preferEprt());
        Representation r = p.representation();
        type.set(p.autoAscii().enabled() ? TypeChoice.AUTO : switch (r.type()) {
            case ASCII -> TypeChoice.ASCII;
            case IMAGE -> TypeChoice.IMAGE;
            case EBCDIC -> TypeChoice.EBCDIC;
            case LOCAL -> TypeChoice.LOCAL;
        });
        byteSize.set(Integer.toString(r.type() == TransferType.LOCAL ? r.byteSize() : 8));
        asciiExtensions.set(p.autoAscii().joined());
        format.set(r.format());
        ebcdicCodePage.set(r.ebcdicCodePage().name());
        structure.set(r.structure());
        mode.set(r.mode());
        maxConnections.set(Integer.toString(p.maxConnections()));
        fxpPassive.set(p.fxp().passiveSide());
        fxpRelay.set(p.fxp().relay());
        if (p.charset() instanceof CharsetPolicy.Named named) {
            charset.set(CharsetChoice.NAMED);
            charsetName.set(named.charset().name());
        } else {
            charset.set(p.charset() instanceof CharsetPolicy.Utf8 ? CharsetChoice.UTF8 : CharsetChoice.AUTO);
            charsetName.set("");
        }
        connectTimeout.set(Long.toString(p.timeouts().connect().toSeconds()));
        replyTimeout.set(Long.toString(p.timeouts().reply().toSeconds()));
        dataTimeout.set(Long.toString(p.timeouts().data().toSeconds()));
        keepAlive.set(Long.toString(p.keepAlive().toSeconds()));
        localDir.set(text(p.localDir()));
        remoteDir.set(text(p.remoteDir()));
        bookmarks.setAll(p.bookmarks());
        protectData.set(p.protectData());
        uploadViaTempName.set(p.uploadViaTempName());
        keepTimes.set(p.keepTimes());
        proxy.set(ProxyChoice.of(p.proxy()));
        org.ferryftp.site.SiteProxy own = p.proxy().own();
        proxyHost.set(own == null ? "" : own.host());
        proxyPort.set(own == null ? "" : Integer.toString(own.port()));
        proxyUser.set(own == null ? "" : own.user());
        proxyPassword.set(own == null ? "" : proxyPw);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public ObjectProperty<SiteProtocol> protocolProperty() {
        return protocol;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<LoginType> loginProperty() {
        return login;
    }

    public ObjectProperty<CharsetChoice> charsetProperty() {
        return charset;
    }

    public StringProperty charsetNameProperty() {
        return charsetName;
    }

    public StringProperty activePortMinProperty() {
        return activePortMin;
    }

    public StringProperty activePortMaxProperty() {
        return activePortMax;
    }

    public StringProperty remoteDirProperty() {
        return remoteDir;
    }

    public StringProperty localDirProperty() {
        return localDir;
    }
}
