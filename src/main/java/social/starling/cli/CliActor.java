package social.starling.cli;

import social.starling.App;
import social.starling.errors.NotFoundException;

/**
 * Who the audit log names for an action taken from the command line: the server's owner account (whoever runs the
 * command controls the server), or the instance actor before the owner exists (the server was never started).
 */
final class CliActor {
    private CliActor() {
    }

    static long of(App app) {
        try {
            return app.accounts().admin().find(app.config().instance().ownerUsername()).account().id();
        } catch (NotFoundException e) {
            return app.accounts().instanceActor().ensure().id();
        }
    }
}
