package social.starling.convert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.starling.convert.entity.NodeInfo;
import social.starling.model.RegistrationMode;
import social.starling.model.view.InstanceInfo;

/**
 * InstanceInfo → NodeInfo 2.0/2.1. {@code metadata.upstream} names Mastodon so client libraries that detect the
 * server kind from NodeInfo (megalodon, used by Elk and others) treat Starling as Mastodon-compatible.
 */
public final class NodeInfoMapper {

    public NodeInfo toNodeInfo(InstanceInfo info, String schemaVersion) {
        boolean v21 = schemaVersion.equals("2.1");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("nodeName", info.title());
        metadata.put("nodeDescription", info.description());
        metadata.put("upstream", Map.of("name", "mastodon", "version", info.software().mastodonLevel()));
        metadata.put("features", List.of("mastodon_api"));
        return new NodeInfo(
                schemaVersion,
                new NodeInfo.Software("starling", info.software().version(),
                        v21 ? info.software().sourceUrl() : null, v21 ? info.software().homepage() : null),
                List.of("activitypub"),
                new NodeInfo.Services(List.of(), List.of()),
                new NodeInfo.Usage(new NodeInfo.Users(info.stats().userCount(), info.stats().activeMonth(),
                        info.stats().activeHalfyear()), info.stats().statusCount()),
                info.registrations() == RegistrationMode.OPEN || info.registrations() == RegistrationMode.APPROVAL,
                metadata);
    }
}
