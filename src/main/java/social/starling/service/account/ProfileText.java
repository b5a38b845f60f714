package social.starling.service.account;

/** Turns the plain text a person types into a profile (bio, field values) into safe HTML with links. */
public interface ProfileText {
    String noteHtml(String plainText);

    String fieldValueHtml(String plainText);
}
