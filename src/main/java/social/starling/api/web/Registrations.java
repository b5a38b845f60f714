package social.starling.api.web;

import social.starling.model.RegistrationMode;

/** How each registration mode is explained to people, on the landing page and the sign-up form. */
final class Registrations {
    private Registrations() {
    }

    static String label(RegistrationMode mode) {
        return switch (mode) {
            case OPEN -> "Sign-ups are open";
            case APPROVAL -> "Sign-ups are reviewed by the staff";
            case INVITE -> "Invite only";
            case CLOSED -> "Sign-ups are closed";
        };
    }

    static String summary(RegistrationMode mode) {
        return switch (mode) {
            case OPEN -> "Anyone can sign up. After you confirm your e-mail address, your account is ready.";
            case APPROVAL -> "Anyone can apply. Tell the staff a little about why you would like to join; you will "
                    + "get an e-mail once your application is approved.";
            case INVITE -> "You need an invite code from a member of this server to sign up.";
            case CLOSED -> "This server is not taking new sign-ups at the moment. You can still join with an invite "
                    + "code, or sign up on another server: you can follow and talk with people here from anywhere "
                    + "in the fediverse.";
        };
    }
}
