package social.starling.service.mail;

/** Sends one plain-text e-mail. */
public interface Mailer {
    void send(String to, String subject, String body) throws Exception;
}
