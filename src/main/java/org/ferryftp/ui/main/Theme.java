package org.ferryftp.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;


/** AtlantaFX Primer light/dark, following the desktop's dark setting where it can be read. */
public final class Theme {

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public Theme(boolean startDark) {
        dark.addListener((o, a, d) -> apply(d));
        dark.set(startDark);
        apply(startDark);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        dark.set(!dark.get());
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
