package social.starling.service.instance;

import java.time.Clock;
import social.starling.db.Database;
import social.starling.db.InstanceSettingsRepository;
import social.starling.db.Tx;
import social.starling.model.RegistrationMode;
import social.starling.service.moderation.AuditLog;

/**
 * Who may sign up. The configuration's {@code registrations} is the default until staff choose a mode on the admin
 * page; the choice is stored in instance_settings (name {@value #MODE}) and read on every use, so all nodes of a
 * cluster follow a change at once. Sign-up (web and API), the instance entities and NodeInfo all read it here.
 */
public final class RegistrationSettings {
    public static final String MODE = "registrations_mode";

    private final Database db;
    private final InstanceSettingsRepository settings;
    private final RegistrationMode configured;
    private final AuditLog auditLog;
    private final Clock clock;

    public RegistrationSettings(Database db, InstanceSettingsRepository settings, RegistrationMode configured,
                                AuditLog auditLog, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.configured = configured;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public RegistrationMode mode() {
        return db.read(this::mode);
    }

    public RegistrationMode mode(Tx tx) {
        return settings.get(tx, MODE).flatMap(RegistrationMode::parse).orElse(configured);
    }

    /** Sets the mode, with an audit entry (action {@code update}, target type {@code Setting}) by {@code actorId}. */
    public void setMode(long actorId, RegistrationMode mode) {
        db.inTransaction(tx -> {
            RegistrationMode before = mode(tx);
            settings.put(tx, MODE, mode.wireName(), clock.instant());
            auditLog.record(tx, actorId, "update", "Setting", null,
                    MODE + ": " + before.wireName() + " → " + mode.wireName());
            return null;
        });
    }
}
