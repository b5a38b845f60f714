package social.starling.api.mastodon.v1.admin;

import io.javalin.http.Context;
import social.starling.errors.NotFoundException;

/** The {@code :id} of an admin resource; one that is not a number is a record that does not exist. */
final class AdminIds {
    private AdminIds() {
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }
}
