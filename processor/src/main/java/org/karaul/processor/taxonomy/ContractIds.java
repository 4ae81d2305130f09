package org.karaul.processor.taxonomy;

import java.util.List;

/** The category ids of the classification contract; a taxonomy must define exactly these. */
public final class ContractIds {
    public static final List<String> CATEGORIES = List.of(
            "terrorism.attack", "terrorism.plot_disrupted", "terrorism.group_activity", "terrorism.financing",
            "extremism.recruitment", "extremism.online", "extremism.foreign_fighters",
            "trafficking.drugs", "trafficking.arms", "trafficking.people",
            "border.incursion", "border.interstate_clash", "border.dispute",
            "unrest.mass_protest", "unrest.ethnic_violence",
            "security.csto_deployment", "security.exercise", "security.cooperation",
            "cyber.attack", "hybrid.disinformation");

    private ContractIds() {
    }
}
