package org.ferryftp.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-facing string, from {@code org/ferryftp/ui/messages*.properties}. Passed to whoever needs text. */
public final class Messages {

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle("org.ferryftp.ui.messages", locale);
    }

    public static Messages defaults() {
        return new Messages(Locale.getDefault());
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
