package social.starling.config;

/** Invalid configuration. The message is one line an admin can act on; no stack trace is shown for it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
