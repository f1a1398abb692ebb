/// The report's opening in words (docs/metrics.md "Insights"): what changed,
/// targets, and what needs attention, one plain sentence per `insights` entry
/// with its numbers and baseline. The one place insights are worded: report.md,
/// both parts of the email and the subject's `{headline}` all take their
/// sentences from here.
///
/// Entries are read from metrics.json (`MetricsDocument`), so an email made
/// from a report folder says what the report says. A kind this version does
/// not know is skipped.
public struct InsightText: Sendable {
    /// One part of the opening: a title and its sentences.
    public struct Section: Sendable, Equatable {
        /// "What changed", "Targets" or "Needs attention".
        public var title: String
        /// One sentence per insight, in metrics.json's order, at most
        /// `InsightText.openingLimit` for what changed.
        public var items: [InsightSentence]
        /// What the section says when it has no item, so it never just vanishes.
        public var none: InsightSentence
        /// The items past the limit (smaller moves), which the report lists after
        /// its figures ("More changes") and the email only counts.
        public var more: [InsightSentence] = []

        /// `items`, or `none` alone when there are none.
        public var lines: [InsightSentence] { items.isEmpty ? [none] : items }
    }

    /// What changed (movers), Targets, Needs attention (low days, capacity, busy
    /// days ahead), in that order; empty when the document has no `insights`
    /// (a metrics.json written before them), so an old report's email has no opening.
    public let sections: [Section]
    /// The single most notable item (the first of `byNotability` that can be worded), or the
    /// fallback sentence when nothing stands out.
    public let headline: InsightSentence

    /// The sentences of `document`'s insights.
    public init(_ document: MetricsDocument) {
        let wording = InsightWording(document: document)
        let entries = document.insights ?? []
        let words = { (kinds: Set<String>) in entries.filter { kinds.contains($0.kind) }.compactMap(wording.sentence) }
        let movers = words(["mover"])
        if document.insights == nil {
            sections = []
        } else {
            sections = [
                Section(title: "What changed", items: Array(movers.prefix(Self.openingLimit)), none: wording.noMovers,
                        more: Array(movers.dropFirst(Self.openingLimit))),
                Section(title: "Targets", items: words(["target"]), none: wording.noTargets),
                Section(title: "Needs attention", items: words(["low_day", "capacity", "busy_day"]),
                        none: wording.nothingNeedsAttention),
            ]
        }
        headline = Self.byNotability(entries).lazy.compactMap(wording.sentence).first ?? InsightText.nothingStoodOut
    }

    /// Changes shown in the opening: the largest moves (metrics.json sorts movers
    /// by relative change). In a small organisation week-to-week noise in
    /// departments and floors passes docs/metrics.md's thresholds often; leadership
    /// reads the five largest first, and every one stays in the report and in
    /// metrics.json.
    public static let openingLimit = 5

    /// The subject's `{headline}` when no insight is notable enough.
    public static let nothingStoodOut = InsightSentence([.words("Nothing stood out: no marked change, missed target or day needing attention")])

    /// The entries that can make the headline, most notable first: movers (the
    /// largest relative change first, as metrics.json sorts them), missed
    /// targets, low days, busy days ahead, buildings and floors at risk of
    /// running out of desks, those to consolidate, targets nearly met; within
    /// each, metrics.json's order. A met target is not news and never leads.
    public static func byNotability(_ insights: [MetricsDocument.Insight]) -> [MetricsDocument.Insight] {
        let ranks: [(kind: String, status: String?)] = [
            ("mover", nil), ("target", "missed"), ("low_day", nil), ("busy_day", nil),
            ("capacity", "at_risk"), ("capacity", "consolidate"), ("target", "near"),
        ]
        return ranks.flatMap { rank in
            insights.filter { $0.kind == rank.kind && (rank.status == nil || $0.status == rank.status) }
        }
    }
}
