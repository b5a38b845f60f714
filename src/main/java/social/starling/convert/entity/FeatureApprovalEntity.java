package social.starling.convert.entity;

import java.util.List;

/**
 * Mastodon's FeatureApproval (entities/FeatureApproval.md), 4.6.0: Account {@code feature_approval}.
 * {@code current_user} is automatic, manual, denied, unknown or missing.
 */
public record FeatureApprovalEntity(List<String> automatic, List<String> manual, String currentUser) {
}
