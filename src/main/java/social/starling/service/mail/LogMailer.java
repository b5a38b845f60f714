package social.starling.service.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no mail server is configured: the message, with its link, goes to the log, so an admin can pass the
 * link on (or confirm the account with {@code starling admin confirm}).
 */
public final class LogMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(String to, String subject, String body) {
        log.info("No mail server configured (STARLING_SMTP_HOST); e-mail to {}: {}\n{}", to, subject, body);
    }
}
