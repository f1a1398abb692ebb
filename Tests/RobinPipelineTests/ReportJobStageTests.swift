import Foundation
import Testing
import RobinExports
import RobinModel
import RobinPipeline
import RobinRender

/// The job's own logic, with its stages swapped for recording ones: which
/// days it reads, which periods it analyses on whose rows, what it hands the
/// renderer and the writer.
@Suite("report job stages")
struct ReportJobStageTests {
    struct Recorded {
        let reader = RecordingReader()
        let analyzer = RecordingAnalyzer()
        let renderer: RecordingRenderer
        let writer = MemoryWriter()

        init() throws { renderer = RecordingRenderer(renderer: ReportRenderer(templates: try .builtIn())) }

        var stages: ReportStages { ReportStages(reader: reader, analyzer: analyzer, renderer: renderer, writer: writer) }
    }

    @Test("it reads the cached days from the trend's first to the day after the period, by kind; analyses the weeks at hand; writes nothing itself")
    func organizationOnly() async throws {
        let fixture = try PipelineFixture()
        defer { fixture.remove() }
        let recorded = try Recorded()
        let written = try await fixture.job(stages: recorded.stages).run()

        // The range is 2026-09-27 (the day before week 40) to 2026-11-23; the cache holds 9 to 22 November,
        // and with no facts cached yet each of those files is read once, in date order.
        let cached = Period(from: LocalDate("2026-11-09")!, to: LocalDate("2026-11-22")!)!.dates
        for kind in ExportKind.allCases {
            let days = recorded.reader.days(kind)
            #expect(days.map(\.date) == cached)
            #expect(days.allSatisfy { $0.path == fixture.cache.path(kind: kind, date: $0.date) })
        }

        // One analysis: the 8 trend weeks, of which weeks 46 and 47 are at hand; the week ahead is not cached.
        let requests = recorded.analyzer.calls.all
        try #require(requests.count == 1)
        let week = PipelineFixture.week
        #expect(requests[0].trend == (0..<8).reversed().map { week.earlier(by: $0).period })
        #expect(requests[0].atHand == [week.period, week.previous.period])
        #expect(requests[0].forward.complete == false)
        #expect(requests[0].facts.countsOwnDaysForPolicy)
        #expect(requests[0].facts.buildings == ["HQ New York", "London", "Singapore"])

        // The renderer got the period's metrics with the previous week's, and the trend with gaps.
        let inputs = recorded.renderer.calls.all
        try #require(inputs.count == 1)
        #expect(inputs[0].audience == nil)
        #expect(inputs[0].metrics.period == week.period)
        #expect(inputs[0].metrics.previous?.metrics.period == week.previous.period)
        #expect(inputs[0].trend.map { $0.metrics != nil } == [false, false, false, false, false, false, true, true])
        #expect(inputs[0].desksRead.first == LocalDate("2026-11-09") && inputs[0].desksRead.last == LocalDate("2026-11-22"))
        #expect(inputs[0].timeZones.map(\.building) == ["HQ New York", "London", "Singapore"])

        // The writer got the organisation's report alone, and nothing reached the disk.
        let sets = recorded.writer.calls.all
        try #require(sets.count == 1)
        #expect(sets[0].organization?.slug == "2026-W47" && sets[0].audiences.isEmpty)
        #expect(written == [WrittenReport(audience: nil, folder: "memory:2026-W47")])
        #expect(!FileManager.default.fileExists(atPath: fixture.settings.outputDirectory))
    }

    @Test("each audience is analysed on its own rows with the organisation's days for policy adherence, and written with the organisation's report")
    func audiences() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        fixture.settings.audiences = [.london, .engineering]
        fixture.settings.buildings["London"]?.desks = 40
        let recorded = try Recorded()
        let written = try await fixture.job(stages: recorded.stages).run()

        let requests = recorded.analyzer.calls.all
        try #require(requests.count == 3)
        let (organization, london, engineering) = (requests[0], requests[1], requests[2])
        // Each audience's facts hold its own rows; attended days for policy adherence are the organisation's.
        #expect(organization.facts.buildings == ["HQ New York", "London", "Singapore"])
        #expect(london.facts.buildings == ["London"])
        #expect(organization.facts.departments.count > 2 && engineering.facts.departments == ["Engineering"])
        #expect(organization.facts.countsOwnDaysForPolicy)
        for audience in [london, engineering] {
            #expect(!audience.facts.countsOwnDaysForPolicy)
            #expect(audience.trend == organization.trend && audience.atHand == organization.atHand)
        }
        // Their figures are the organisation's groups for the same rows.
        let org = try #require(recorded.renderer.calls.all.first { $0.audience == nil }?.metrics)
        let londonMetrics = try #require(recorded.renderer.calls.all.first { $0.audience == Audience.london.label }?.metrics)
        let londonGroup = try #require(org.desks.byBuilding.first { $0.key["building"] == "London" }?.figures)
        #expect(londonMetrics.desks.total.people == londonGroup.people)
        #expect(londonMetrics.desks.total.personDays == londonGroup.personDays)
        #expect(londonMetrics.desks.total.policyAdherence == londonGroup.policyAdherence)
        #expect(londonMetrics.rooms.total.events == org.rooms.byBuilding.first { $0.key["building"] == "London" }?.figures.events)
        // London keeps its desk inventory; a department owns none.
        #expect(london.settings.buildings["London"]?.desks == 40)
        #expect(engineering.settings.buildings["London"]?.desks == nil)
        #expect(engineering.settings.buildings["London"]?.timeZone == "Europe/London")

        let sets = recorded.writer.calls.all
        try #require(sets.count == 1)
        #expect(sets[0].organization?.slug == "2026-W47")
        #expect(sets[0].audiences.map(\.audience) == [Audience.london.label, Audience.engineering.label])
        #expect(sets[0].audiences.map(\.report.slug) == ["london-site", "engineering"])
        #expect(written.map(\.folder) == ["memory:2026-W47", "memory:audiences/london-site", "memory:audiences/engineering"])
        let london47 = try #require(recorded.renderer.calls.all.first { $0.audience == Audience.london.label })
        #expect(london47.timeZones.map(\.building) == ["London"])
        #expect(london47.metrics.previous != nil)
    }

    @Test("--audience renders and writes only that audience (found by name or slug); an unknown one stops before reading")
    func onlyAudience() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        fixture.settings.audiences = [.london, .engineering]
        for name in ["Engineering", "engineering"] {
            let recorded = try Recorded()
            _ = try await fixture.job(stages: recorded.stages, only: name).run()
            let sets = recorded.writer.calls.all
            try #require(sets.count == 1)
            #expect(sets[0].organization == nil)
            #expect(sets[0].audiences.map(\.report.slug) == ["engineering"])
            #expect(recorded.renderer.calls.all.map(\.audience) == [Audience.engineering.label])
        }

        let recorded = try Recorded()
        let error = await #expect(throws: PipelineError.self) {
            try await fixture.job(stages: recorded.stages, only: "Paris").run()
        }
        #expect(error?.description == "--audience \"Paris\": no such audience (the configuration's audiences: \"London site\", \"Engineering\")")
        #expect(error?.exitStatus == .usage)
        #expect(recorded.reader.calls.all.isEmpty && recorded.writer.calls.all.isEmpty)
    }
}
