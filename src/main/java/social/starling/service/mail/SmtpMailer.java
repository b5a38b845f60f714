package social.starling.service.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import social.starling.config.Config;

/** Sends e-mail through the configured SMTP server (Jakarta Mail). */
public final class SmtpMailer implements Mailer {
    private final Config.Smtp config;
    private final Session session;

    public SmtpMailer(Config.Smtp config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        switch (config.security()) {
            case "tls" -> p.put("mail.smtp.ssl.enable", "true");
            case "starttls" -> p.put("mail.smtp.starttls.enable", "true");
            default -> { }
        }
        boolean auth = !config.user().isBlank();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = auth
                ? Session.getInstance(p, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(config.user(), config.password());
                    }
                })
                : Session.getInstance(p);
    }

    @Override
    public void send(String to, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }
}
