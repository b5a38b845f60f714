package social.starling.cli;

import social.starling.App;
import social.starling.config.Config;

/**
 * How a sub-command reaches the application: the command line hands this to each command it builds (see
 * {@link CommandFactory}), so commands never call back into {@code Main}.
 */
public interface AppFactory {
    /** The configuration, as the command line's options and the environment give it. */
    Config config();

    /** The application for a one-off command: migrated, not listening, no job runner. Close it when done. */
    App open();
}
