package social.starling.api.web;

import java.util.List;

/** The admin area's navigation: the sections this staff member may open, the current one marked. */
public record AdminNav(List<Item> items) {
    public record Item(String href, String label, boolean current) {
    }
}
