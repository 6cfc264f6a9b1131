package de.grw.linking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.access.AccessLog;
import de.grw.common.CancellationToken;
import de.grw.common.CaseReference;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.journal.JournalAction;
import de.grw.linking.LinkViews.ExplanationLine;
import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.linking.LinkViews.LinkedPerson;
import de.grw.linking.LinkViews.LinkedRecord;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.review.ExplanationText;
import de.grw.review.GoldenValue;
import de.grw.review.MemberRecord;
import de.grw.review.RecordLoader;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.GovernanceConfig;
import de.grw.workspace.MatchRunRepository;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.WorkspaceProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real-time linking of one workspace for other applications: link an incoming record, search by name and birth date,
 * read a golden record. Every call needs the right {@link Permission#LINK} and a case reference; every answer is
 * masked (a person under a blocking notice reads {@code ***} for a caller without the right to see blocked records,
 * the whole person when one of its records is blocked) and logged in the access log with the case reference and the
 * records it showed, in the same transaction, as a display in the desktop is.
 * <p>
 * Behind it is one {@link LinkIndex} over the workspace's records, built at the first call with the workspace's
 * active model (never estimated here; without one the call is refused: run a match first) and the threshold of the
 * last match run. It follows the workspace through the journal: before each call the journal's last sequence number
 * is read (one indexed read); when it moved, the decisions since (merge approved, revert, unmerge or split) update
 * which golden record the records of their clusters belong to, at once; a record stored by a link
 * ({@link LinkStore}) is added to the index ({@link LinkIndex#add}), so the next call finds it as a candidate; records
 * imported or appended, a model re-estimated or a match run with another threshold make a new index, built at
 * once for a small workspace and in the background for a large one (from 100,000 records), while the old one
 * answers (so does a store the index cannot add, and every {@value #REBUILD_AFTER_ADDED}th added record). An
 * approved golden value needs nothing: candidates are scored against the stored records, and the values an answer
 * shows are read at answer time.
 * <p>
 * Thread-safe: any number of callers share the index; changes are applied under one lock.
 */
public final class LinkService implements AutoCloseable {
    /** From this size on, a new index is built in the background while the old one answers. */
    static final int BACKGROUND_BUILD_FROM = 100_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinkService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REBUILD_ON = Set.of(JournalAction.SOURCE_IMPORTED.code(),
            JournalAction.SOURCE_APPENDED.code(), JournalAction.MODEL_ESTIMATED.code(),
            JournalAction.MATCH_RUN.code());
    /**
     * From this many records added to an index since its build ({@link LinkIndex#add}), a new index is built (as
     * after an import), so that the side index each add copies stays small.
     */
    static final int REBUILD_AFTER_ADDED = 5_000;

    private final Workspace workspace;
    private final MatchProfile profile;
    private final GovernanceConfig governance;
    private final ReviewService review;
    private final double linkProbability;
    private final Locale locale;
    private final Object lock = new Object();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "link-index-build");
        t.setDaemon(true);
        return t;
    });
    private volatile State state;
    private volatile boolean building;
    /** A first build was asked for in the background and has not ended yet. */
    private volatile boolean preparing;
    /** The first index is being built (by whichever caller came first). */
    private volatile boolean firstBuild;

    /** The index and the journal position it reflects. */
    private record State(LinkIndex index, int modelVersion, long seq) {
    }

    /** With the default link probability ({@link LinkIndex#DEFAULT_LINK_PROBABILITY}) and German explanations. */
    public LinkService(Workspace workspace) {
        this(workspace, LinkIndex.DEFAULT_LINK_PROBABILITY, Locale.GERMAN);
    }

    /**
     * @param linkProbability the probability from which linking is suggested (at least the match threshold)
     * @param locale          the language of the explanation lines' words
     */
    public LinkService(Workspace workspace, double linkProbability, Locale locale) {
        this.workspace = workspace;
        this.profile = WorkspaceProfile.profile(workspace);
        this.governance = WorkspaceProfile.governance(workspace);
        this.review = de.grw.learning.Learning.review(workspace);
        this.linkProbability = linkProbability;
        this.locale = locale;
    }

    /** Links an incoming record (profile field names to values); see the class comment. */
    public LinkAnswer link(Session session, Map<String, String> record, String caseRef) {
        return link(session, record, caseRef, null);
    }

    /**
     * Links an incoming record and, when {@code storeIn} names a source, stores it there as a new record in the same
     * transaction as the answer and its access log ({@link LinkStore}): suggestion {@code link} or {@code review}
     * queues a cluster of the record with its candidates (never merged by itself), {@code new} stores it as a single
     * record. Storing needs the right {@link Permission#LINK_STORE}; the answer carries the stored record's id and
     * the queued cluster's.
     *
     * @param storeIn the name of an existing source, or {@code null} (or blank) to only link
     */
    public LinkAnswer link(Session session, Map<String, String> record, String caseRef, String storeIn) {
        session.require(Permission.LINK, "link_records");
        boolean store = storeIn != null && !storeIn.isBlank();
        if (store) {
            session.require(Permission.LINK_STORE, "store_linked_records");
        }
        String reference = requireCase(caseRef);
        String[] canonical = IncomingRecord.canonical(profile, record);
        State s = current();
        LinkIndex.Result result = s.index().link(canonical);
        if (!store) {
            return answer(session, s, result, reference, "LINK", "link: " + result.groups().size() + " candidates",
                    null);
        }
        LinkAnswer answer = answer(session, s, result, reference, "LINK", "link and store in " + storeIn.strip()
                + ": " + result.groups().size() + " candidates", c -> LinkStore.store(c, workspace.now(),
                session.user(), profile, governance, storeIn, record, canonical, result, reference));
        LOG.info("linked record stored by {} in {} as record {} ({}{})", session.user(), storeIn.strip(),
                answer.storedRecord(), result.suggestion().code(), answer.queuedCluster() == null ? ""
                        : ", queued as cluster " + answer.queuedCluster());
        return answer;
    }

    /**
     * Finds persons by name and birth date (any of them; at least one): the record they form is linked, so the
     * search is as tolerant as the matching (spellings, umlauts, typos, swapped day and month) and ranks by
     * probability; only candidates at or above the threshold are answered.
     */
    public LinkAnswer search(Session session, String familyName, String givenName, String birthDate, String caseRef) {
        session.require(Permission.LINK, "link_records");
        String reference = requireCase(caseRef);
        Map<String, String> record = new LinkedHashMap<>();
        put(record, "family_name", familyName);
        put(record, "given_names", givenName);
        put(record, "birth_date", birthDate);
        if (record.isEmpty()) {
            throw new UserFacingException(Text.of("link.search_empty"));
        }
        String[] canonical = IncomingRecord.canonical(profile, record);
        State s = current();
        LinkIndex.Result result = s.index().link(canonical);
        return answer(session, s, result, reference, "SEARCH", "search: " + result.groups().size() + " candidates",
                null);
    }

    /** A golden record, masked and logged as the desktop shows it ({@link ReviewService#goldenForLink}). */
    public GoldenView golden(Session session, String goldenId, String caseRef) {
        return review.goldenForLink(session, goldenId, caseRef);
    }

    /**
     * Builds the index in the background now (a server at its start), so that the first caller does not wait for
     * it; a workspace that cannot link yet (no model) is only logged, and the first call says why.
     */
    public void prepareInBackground() {
        preparing = true;
        try {
            builder.submit(() -> {
                try {
                    current();
                } catch (UserFacingException e) {
                    LOG.info("link index not built yet: {}", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("link index not built at start; the first link call builds it", e);
                } finally {
                    preparing = false;
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            preparing = false; // closed meanwhile
        }
    }

    /**
     * Where the index stands: ready once one answers (also while a newer one is built in the background),
     * building while the first is built (in the background or by a first call), none before or when the
     * workspace cannot link yet.
     */
    public de.grw.linking.LinkViews.IndexStatus indexStatus() {
        if (state != null) {
            return LinkViews.IndexStatus.READY;
        }
        return preparing || firstBuild ? LinkViews.IndexStatus.BUILDING : LinkViews.IndexStatus.NONE;
    }

    /** The index as it stands after following the journal (built at the first call). */
    public LinkIndex index() {
        return current().index();
    }

    private void put(Map<String, String> record, String field, String value) {
        if (value != null && !value.isBlank()) {
            if (profile.fieldIndex(field) < 0) {
                throw new UserFacingException(Text.of("link.unknown_field", field,
                        String.join(", ", profile.fields().stream().map(f -> f.name()).toList())));
            }
            record.put(field, value);
        }
    }

    private static String requireCase(String caseRef) {
        String reference = CaseReference.check(caseRef);
        if (reference.isEmpty()) {
            throw new UserFacingException(Text.of("link.needs_case"));
        }
        return reference;
    }

    // ---- the index and the journal ----

    private State current() {
        State s = state;
        if (s == null) {
            synchronized (lock) {
                if (state == null) {
                    firstBuild = true;
                    try {
                        state = build();
                    } finally {
                        firstBuild = false;
                    }
                }
                return state;
            }
        }
        long seq = workspace.read(LinkRepository::lastSeq);
        if (seq <= s.seq()) {
            return s;
        }
        synchronized (lock) {
            s = state;
            if (seq <= s.seq()) {
                return s;
            }
            State from = s;
            List<LinkRepository.Change> changes = workspace.read(c -> LinkRepository.changesAfter(c, from.seq()));
            boolean rebuild = false;
            List<Long> clusters = new ArrayList<>();
            List<Long> stored = new ArrayList<>();
            long last = s.seq();
            for (LinkRepository.Change change : changes) {
                last = Math.max(last, change.seq());
                if (change.action().equals(JournalAction.SOURCE_RECORD_STORED.code())) {
                    JsonNode record = parse(change.payload()).path("record");
                    if (record.isNumber()) {
                        stored.add(record.asLong());
                    } else {
                        rebuild = true;
                    }
                } else if (REBUILD_ON.contains(change.action())) {
                    rebuild |= !change.action().equals(JournalAction.MATCH_RUN.code())
                            || thresholdMoved(change.payload(), s.index());
                } else if (change.action().startsWith("decision.")) {
                    JsonNode cluster = parse(change.payload()).path("cluster");
                    if (cluster.isNumber()) {
                        clusters.add(cluster.asLong());
                    }
                }
            }
            if (!clusters.isEmpty()) {
                Map<Long, String> golden = workspace.read(c -> {
                    List<Long> records = LinkRepository.clusterRecords(c, clusters);
                    Map<Long, String> now = new HashMap<>();
                    records.forEach(r -> now.put(r, null));
                    now.putAll(LinkRepository.activeGoldenOf(c, records));
                    return now;
                });
                golden.forEach(s.index()::assignGolden);
                LOG.debug("link index: golden records of {} records after {} decisions", golden.size(),
                        clusters.size());
            }
            if (!stored.isEmpty()) {
                // added to the index that answers, also while a new one is built in the background (which then
                // learns them from the journal, or has them already)
                rebuild |= !add(s.index(), stored);
                rebuild |= s.index().addedCount() >= REBUILD_AFTER_ADDED;
            }
            state = new State(s.index(), s.modelVersion(), last);
            if (rebuild) {
                if (s.index().size() < BACKGROUND_BUILD_FROM) {
                    state = build();
                } else if (!building) {
                    building = true;
                    builder.submit(this::buildInBackground);
                }
            }
            return state;
        }
    }

    /** Adds stored records to the index; {@code false} when one cannot be added (a new index is needed). */
    private boolean add(LinkIndex index, List<Long> recordIds) {
        long start = System.nanoTime();
        List<LinkRepository.StoredRecord> records = workspace.read(c -> LinkRepository.records(c, recordIds));
        for (LinkRepository.StoredRecord r : records) {
            String[] values;
            try {
                values = JSON.readValue(r.valuesJson(), String[].class);
            } catch (java.io.IOException e) {
                LOG.warn("link index: record {} has unreadable values; building a new index", r.id());
                return false;
            }
            if (values.length != profile.fields().size() || !index.add(r.id(), r.source(), r.key(), values)) {
                LOG.info("link index: record {} cannot be added; building a new index", r.id());
                return false;
            }
        }
        LOG.debug("link index: {} stored records added in {} ms ({} added since the build)", records.size(),
                (System.nanoTime() - start) / 1_000_000, index.addedCount());
        return true;
    }

    private void buildInBackground() {
        try {
            State fresh = build();
            synchronized (lock) {
                state = fresh;
            }
        } catch (RuntimeException e) {
            LOG.error("link index: building a new index failed; the old one answers", e);
        } finally {
            building = false;
        }
    }

    private static boolean thresholdMoved(String payload, LinkIndex index) {
        JsonNode threshold = parse(payload).path("threshold");
        return threshold.isNumber() && threshold.asDouble() != index.threshold();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.missingNode();
        }
    }

    private record Loaded(long seq, ModelRepository.ActiveModel active, Double threshold, long[] ids,
                          RecordTable table, Map<Long, String> golden) {
    }

    private State build() {
        long start = System.nanoTime();
        // refused before a million records are read for nothing
        ModelRepository.ActiveModel model = workspace.read(ModelRepository::active);
        if (model == null) {
            throw new UserFacingException(Text.of("link.no_model"));
        }
        if (!sameProfile(model.profileJson(), ProfileLoader.toJson(profile))) {
            throw new UserFacingException(Text.of("link.model_stale"));
        }
        Loaded loaded = workspace.read(this::load);
        LinkIndex index = LinkIndex.build(profile, loaded.table(), loaded.ids(), loaded.active().model(),
                loaded.threshold(), linkProbability, CancellationToken.NONE);
        loaded.golden().forEach(index::assignGolden);
        LOG.info("link index: {} records, model {}, threshold {}, link from {}, built in {} ms", index.size(),
                loaded.active().version(), index.threshold(), index.linkThreshold(),
                (System.nanoTime() - start) / 1_000_000);
        return new State(index, loaded.active().version(), loaded.seq());
    }

    private Loaded load(Connection c) throws SQLException {
        long seq = LinkRepository.lastSeq(c);
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> sourceIndex = new HashMap<>();
        MatchRunRepository.eachRecord(c, (id, sourceId, name, key, valuesJson) -> {
            int index = sourceIndex.computeIfAbsent(sourceId, k -> builder.addSource(name));
            try {
                builder.add(index, key, JSON.readValue(valuesJson, String[].class));
            } catch (java.io.IOException e) {
                throw new SQLException("record " + id + " has unreadable values", e);
            }
            ids.add(id);
        });
        ModelRepository.LastRun last = ModelRepository.lastRun(c);
        return new Loaded(seq, ModelRepository.active(c), last == null ? null : last.threshold(),
                ids.stream().mapToLong(Long::longValue).toArray(), builder.build(), LinkRepository.activeGolden(c));
    }

    private static boolean sameProfile(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    // ---- answers ----

    private LinkAnswer answer(Session session, State s, LinkIndex.Result result, String caseRef, String action,
                              String detail, de.grw.store.SqlWork<LinkStore.Stored> store) {
        return workspace.write(c -> {
            LinkStore.Stored stored = store == null ? null : store.run(c);
            // every candidate is shown for the same person: as in a cluster, one masked record masks them all
            // (an unblocked twin of a blocked record would reveal the name and address the notice protects)
            Map<LinkIndex.Group, List<Long>> membersOf = new LinkedHashMap<>();
            Set<Long> shown = new LinkedHashSet<>();
            for (LinkIndex.Group group : result.groups()) {
                List<Long> scored = group.records().stream().map(LinkIndex.Candidate::recordId).toList();
                List<Long> members = group.golden() == null ? scored
                        : LinkRepository.goldenMembers(c, group.golden());
                membersOf.put(group, members.isEmpty() ? scored : members);
                shown.addAll(membersOf.get(group));
            }
            List<MemberRecord> loaded = RecordLoader.maskTogether(RecordLoader.load(c, new ArrayList<>(shown),
                    session, governance, profile), governance, profile);
            boolean masked = loaded.stream().anyMatch(MemberRecord::masked);
            Map<Long, MemberRecord> byId = new HashMap<>();
            loaded.forEach(m -> byId.put(m.id(), m));
            List<LinkedPerson> persons = new ArrayList<>();
            for (LinkIndex.Group group : result.groups()) {
                Map<String, String> values = new LinkedHashMap<>();
                if (group.golden() != null) {
                    for (GoldenValue v : de.grw.review.GoldenViews.values(c, group.golden(), masked, governance)) {
                        values.put(v.field(), v.value());
                    }
                } else {
                    MemberRecord m = byId.get(group.records().get(0).recordId());
                    for (int f = 0; f < profile.fields().size() && m != null; f++) {
                        if (m.values().get(f) != null) {
                            values.put(profile.fields().get(f).name(), m.values().get(f));
                        }
                    }
                }
                List<LinkedRecord> records = new ArrayList<>();
                for (LinkIndex.Candidate cand : group.records()) {
                    MemberRecord m = byId.get(cand.recordId());
                    records.add(new LinkedRecord(cand.recordId(), m == null ? "" : m.source(),
                            m == null ? "" : m.recordKey(), cand.probability(), cand.weight(),
                            lines(cand.explanation())));
                }
                persons.add(new LinkedPerson(group.golden(), group.golden() == null
                        ? group.records().get(0).recordId() : null, group.probability(), group.action().code(),
                        values, masked, records));
            }
            AccessLog.record(c, workspace.now(), session.user(), action, caseRef, detail, shown);
            return new LinkAnswer(result.suggestion().code(), s.index().threshold(), s.index().linkThreshold(),
                    s.modelVersion(), result.compared(), persons, stored == null ? null : stored.recordId(),
                    stored == null ? null : stored.clusterId());
        });
    }

    private List<ExplanationLine> lines(List<Contribution> contributions) {
        List<ExplanationLine> out = new ArrayList<>();
        for (Contribution c : contributions) {
            if (ExplanationText.isContradiction(c.comparison()) && "missing".equals(c.level())) {
                continue;
            }
            String words = ExplanationText.describe(c.comparison(), c.level(), c.versus(), locale);
            String weight = ExplanationText.isContradiction(c.comparison()) ? ExplanationText.refused(locale)
                    : ExplanationText.weight(c.weight(), locale);
            out.add(new ExplanationLine(c.comparison(), c.level(), c.versus(), Math.round(c.weight() * 1000) / 1000.0,
                    words + " " + weight));
        }
        return out;
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
