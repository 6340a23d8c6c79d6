package org.ferryftp.ui.main;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads whether the OS prefers a dark theme. JavaFX 21 has no API for it (Platform.getPreferences came in
 * 22), so Ferry asks the OS's own tools: GNOME's {@code gsettings}, macOS {@code defaults}, the Windows
 * registry. {@code FERRY_THEME=dark|light} overrides; anything unreadable means light.
 */
public final class OsTheme {

    /** Runs a command and returns its standard output, or empty when it fails or takes too long. */
    @FunctionalInterface
    public interface CommandRunner {
        Optional<String> run(List<String> command);
    }

    private final Map<String, String> env;
    private final String osName;
    private final CommandRunner commands;

    public OsTheme(Map<String, String> env, String osName, CommandRunner commands) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.commands = commands;
    }

    public boolean prefersDark() {
        String forced = env.getOrDefault("FERRY_THEME", "").toLowerCase(Locale.ROOT);
        if (forced.equals("dark") || forced.equals("light")) {
            return forced.equals("dark");
        }
        if (osName.contains("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle"), out -> out.contains("dark"));
        }
        if (osName.contains("win")) {
            return ask(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"), out -> out.contains("0x0"));
        }
        if (env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                out -> out.contains("prefer-dark"))
                || ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"), out -> out.contains("dark"));
    }

    private boolean ask(List<String> command, Function<String, Boolean> isDark) {
        return commands.run(command).map(out -> isDark.apply(out.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /** Runs commands for real, with a short time limit, so a missing or hanging tool never delays start-up. */
    public static CommandRunner system() {
        return command -> {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                if (!p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty(); // the tool is not installed: no preference to read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }
}
