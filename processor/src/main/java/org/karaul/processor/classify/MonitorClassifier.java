package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.List;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.Severity;
import org.karaul.processor.engine.LanguageGuesser;
import org.karaul.processor.engine.MatchResult;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.engine.RuleMonitor;
import org.karaul.processor.engine.Span;
import org.karaul.processor.gazetteer.Group;
import org.karaul.processor.gazetteer.Place;
import org.karaul.processor.taxonomy.Matcher;
import org.karaul.processor.taxonomy.Taxonomy;

/**
 * The classifier: one Lucene Monitor holding every taxonomy rule, then category scoring,
 * relevance (a category plus a regional link), countries, acting groups and severity.
 * Thread-safe; close it to stop the monitor.
 */
public final class MonitorClassifier implements Classifier, AutoCloseable {
    private static final int MAX_EVIDENCE = 6;
    /** Categories that report a decision, a drill or a claim rather than an incident on the ground. */
    private static final java.util.Set<String> NOT_INCIDENTS = java.util.Set.of(
            "security.cooperation", "security.csto_deployment", "security.exercise", "hybrid.disinformation");
    private final Taxonomy taxonomy;
    private final RuleMonitor monitor;
    private final CategoryScorer scorer;
    private final LanguageGuesser languages = new LanguageGuesser();

    public MonitorClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.monitor = RuleRegistrar.register(taxonomy);
        this.scorer = new CategoryScorer(taxonomy);
    }

    @Override
    public String taxonomyVersion() {
        return taxonomy.version();
    }

    public int ruleCount() {
        return monitor.ruleCount();
    }

    @Override
    public Classification classify(Document doc) {
        String lang = languages.ruleLanguage(doc.lang(), doc.title(), doc.text());
        MatchResult result = monitor.match(doc.title(), doc.text(), lang);
        Fired fired = new Fired(result, cueSpans(result, "negated"));
        List<CategoryScore> scores = scorer.score(fired);
        List<GroupResolver.Mention> groups = GroupResolver.resolve(groupMentions(result));
        List<CountryRanker.Mention> places = placeMentions(result, groups);
        if (scores.isEmpty() || !inRegion(fired, places, groups) || cue(fired, "off_topic")) {
            return Classification.irrelevant(taxonomy.version());
        }
        boolean escalate = cue(fired, "casualties") || cue(fired, "in_progress");
        List<CategoryLabel> labels = new ArrayList<>();
        Severity top = Severity.INFO;
        for (CategoryScore s : scores) {
            Severity sev = escalate && s.rule().escalates() ? s.rule().severity().escalate() : s.rule().severity();
            top = sev.atLeast(top) ? sev : top;
            labels.add(new CategoryLabel(s.rule().id(), sev, s.confidence(), evidence(doc, s.spans())));
        }
        boolean incident = scores.stream().anyMatch(s -> !NOT_INCIDENTS.contains(s.rule().id()));
        CountryRanker.Context ctx = new CountryRanker.Context(
                cueSpans(result, "passing"), cueSpans(result, "crossing"), doc.title(), doc.text(), incident);
        return new Classification(true, top, labels, CountryRanker.rank(places, ctx), GroupResolver.ids(groups),
                taxonomy.version());
    }

    /** Why a document scored as it did: every category with a fired signal, its score and threshold. */
    public List<String> explain(Document doc) {
        String lang = languages.ruleLanguage(doc.lang(), doc.title(), doc.text());
        MatchResult result = monitor.match(doc.title(), doc.text(), lang);
        List<String> lines = new ArrayList<>(scorer.explain(new Fired(result, cueSpans(result, "negated"))));
        lines.add("lang " + lang);
        List<GroupResolver.Mention> groups = GroupResolver.resolve(groupMentions(result));
        for (CountryRanker.Mention m : placeMentions(result, groups)) {
            Span s = m.span();
            String value = s.field().equals("title") ? doc.title() : doc.text();
            lines.add("place " + m.place().countries() + " " + m.place().kind() + " @" + s.field() + ":" + s.start() + " " + s.evidence(value).term());
        }
        return lines;
    }

    private boolean inRegion(Fired fired, List<CountryRanker.Mention> places, List<GroupResolver.Mention> groups) {
        boolean regionPlace = places.stream()
                .anyMatch(m -> m.place().countries().stream().anyMatch(taxonomy.gazetteer().regionCountries()::contains));
        return regionPlace || cue(fired, "region");
    }

    private boolean cue(Fired fired, String name) {
        List<Matcher> matchers = taxonomy.cues().get(name);
        for (int i = 0; i < matchers.size(); i++) {
            if (fired.fires(new RuleKey(RuleKey.Kind.CUE, name, i, matchers.get(i).lang()))) {
                return true;
            }
        }
        return false;
    }

    private List<Span> cueSpans(MatchResult result, String name) {
        List<Span> out = new ArrayList<>();
        List<Matcher> matchers = taxonomy.cues().get(name);
        for (int i = 0; i < matchers.size(); i++) {
            out.addAll(result.spans(new RuleKey(RuleKey.Kind.CUE, name, i, matchers.get(i).lang())));
        }
        return out;
    }

    private List<GroupResolver.Mention> groupMentions(MatchResult result) {
        List<GroupResolver.Mention> out = new ArrayList<>();
        List<Group> groups = taxonomy.gazetteer().groups();
        for (int i = 0; i < groups.size(); i++) {
            for (Span s : result.spans(new RuleKey(RuleKey.Kind.GROUP, groups.get(i).id(), i, "any"))) {
                out.add(new GroupResolver.Mention(groups.get(i), s));
            }
        }
        return out;
    }

    /** Place names, leaving out those inside a group's name ("Islamic Movement of Uzbekistan"). */
    private List<CountryRanker.Mention> placeMentions(MatchResult result, List<GroupResolver.Mention> groups) {
        List<CountryRanker.Mention> out = new ArrayList<>();
        List<Place> places = taxonomy.gazetteer().places();
        for (int i = 0; i < places.size(); i++) {
            for (Span s : result.spans(new RuleKey(RuleKey.Kind.PLACE, "place", i, "any"))) {
                if (groups.stream().noneMatch(g -> g.span().overlaps(s))) {
                    out.add(new CountryRanker.Mention(places.get(i), s));
                }
            }
        }
        // a name inside a longer place name belongs to the longer one ("Badakhshan" in "Gorno-Badakhshan")
        List<CountryRanker.Mention> kept = new ArrayList<>();
        for (CountryRanker.Mention m : out) {
            boolean inside = out.stream().anyMatch(o -> o != m && o.span().contains(m.span()) && o.span().length() > m.span().length());
            if (!inside) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** Evidence in reading order, leaving out a span that lies inside another one ("clash" inside "ethnic clash"). */
    private static List<Evidence> evidence(Document doc, List<Span> spans) {
        List<Evidence> out = new ArrayList<>();
        for (Span s : spans) {
            if (out.size() == MAX_EVIDENCE) {
                break;
            }
            boolean inside = spans.stream().anyMatch(o -> o != s && o.contains(s) && o.length() > s.length());
            if (!inside) {
                out.add(s.evidence(s.field().equals("title") ? doc.title() : doc.text()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        monitor.close();
    }
}
