import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// The report folder is replaced as a whole: a run that dies after any step
/// leaves the old report or the new one (never a mix of their files), and the
/// next run leaves no temporaries behind.
@Suite("Report folder writer")
struct ReportFolderWriterTests {
    /// Two reports of one period that differ in every file and in their chart files.
    static func reports() async throws -> (old: RenderedReport, new: RenderedReport) {
        let rendered = try ReportRenderer(templates: .builtIn()).render(try await ReportFixture.week())
        var old = rendered, new = rendered
        old.markdown += "\nold\n"
        old.html += "\n<!-- old -->\n"
        old.metricsJSON = old.metricsJSON.replacingOccurrences(of: "\"schema_version\"", with: "\"old\": 1, \"schema_version\"")
        old.charts.append((fileName: "only-in-old.svg", svg: "<svg/>"))
        new.charts.removeFirst()
        new.charts.append((fileName: "only-in-new.svg", svg: "<svg><title>new</title></svg>"))
        return (old, new)
    }

    /// What a report folder holds as written: charts/<name> and the three files.
    static func expected(_ report: RenderedReport) -> [String: Data] {
        var files = ["metrics.json": Data(report.metricsJSON.utf8), "report.md": Data(report.markdown.utf8),
                     "report.html": Data(report.html.utf8)]
        for chart in report.charts { files["charts/" + chart.fileName] = Data(chart.svg.utf8) }
        for table in report.tables { files["tables/" + table.fileName] = Data(table.csv.utf8) }
        return files
    }

    /// The id of a process that has exited (and been reaped): a killed run's temporaries carry one.
    static func deadProcessID() async throws -> Int32 {
        let process = try TestProcess.start("/bin/true")
        _ = try await process.wait()
        return process.pid
    }

    @Test("a crash after any step leaves the old or the new folder; the next run removes every temporary",
          arguments: [true, false], [true, false])
    func crashAtEveryStep(exchange: Bool, oldExists: Bool) async throws {
        let (old, new) = try await Self.reports()
        let dead = try await Self.deadProcessID()
        var crashed = ReportFolderWriter(outputDirectory: "")
        crashed.exchangeIfAvailable = exchange
        let stepCount = crashed.plan(new).steps.count
        #expect(stepCount >= 6)
        for completed in 0...stepCount {
            let scratch = try TemporaryFolder("robin-folder")
            defer { scratch.remove() }
            let output = scratch.path
            let folder = output + "/" + new.slug
            // Writing waits on fsync, over and over in this loop: off the cooperative pool.
            if oldExists { _ = try await Blocking.run { try ReportFolderWriter(outputDirectory: output).write(old) } }
            // A run of another process that dies after `completed` steps.
            var dying = ReportFolderWriter(outputDirectory: output)
            dying.processID = dead
            dying.exchangeIfAvailable = exchange
            let died = dying
            let lastStep = try await Blocking.run {
                let steps = died.plan(new).steps.prefix(completed)
                for step in steps { try step.run() }
                return steps.last?.name
            }

            let accepted = oldExists ? [Self.expected(old), Self.expected(new)] : [Self.expected(new)]
            let seen = FolderSnapshot.files(under: folder)
            if exchange || !oldExists {
                // One rename or exchange: a reader never sees a missing or mixed folder.
                #expect(seen == nil ? !oldExists : accepted.contains(seen!), "after \(completed) steps: a mix")
            }
            // The next run starts by clearing up: a folder moved aside comes back.
            let next = ReportFolderWriter(outputDirectory: output)
            next.removeStaleTemporaries()
            let recovered = FolderSnapshot.files(under: folder)
            #expect(recovered.map(accepted.contains) ?? !oldExists,
                    "after \(completed) steps (\(lastStep ?? "none")): neither old nor new")
            if oldExists { #expect(recovered != nil, "after \(completed) steps: the old report is gone") }
            #expect(FolderSnapshot.temporaries(under: output).isEmpty, "after \(completed) steps: \(FolderSnapshot.temporaries(under: output))")
            _ = try await Blocking.run { try next.write(new) }
            #expect(FolderSnapshot.files(under: folder) == Self.expected(new))
            #expect(FolderSnapshot.temporaries(under: output).isEmpty)
        }
    }

    @Test("a failed write (not a crash) keeps the old folder and leaves no staging folder")
    func failureRollsBack() async throws {
        let (old, new) = try await Self.reports()
        let scratch = try TemporaryFolder("robin-folder")
        defer { scratch.remove() }
        let output = scratch.path
        _ = try ReportFolderWriter(outputDirectory: output).write(old)
        var broken = new
        // The second chart's folder cannot be created: the first chart is a file of that name.
        broken.charts += [(fileName: "a.svg", svg: "<svg/>"), (fileName: "a.svg/b.svg", svg: "<svg/>")]
        #expect(throws: AtomicFile.Failure.self) { try ReportFolderWriter(outputDirectory: output).write(broken) }
        #expect(FolderSnapshot.files(under: output + "/" + new.slug) == Self.expected(old))
        #expect(FolderSnapshot.temporaries(under: output).isEmpty)
    }

    @Test("temporaries of killed runs go, in the output folder and in report folders; a live process's stay")
    func staleTemporaries() async throws {
        let (old, _) = try await Self.reports()
        let scratch = try TemporaryFolder("robin-folder")
        defer { scratch.remove() }
        let output = scratch.path
        let writer = ReportFolderWriter(outputDirectory: output)
        _ = try writer.write(old)
        let dead = try await Self.deadProcessID(), live = getppid()
        let stale = ["/.index.md.\(dead).17.tmp", "/\(old.slug)/.report.md.\(dead).9.tmp",
                     "/\(old.slug)/charts/.trend-people.svg.\(dead).3.tmp", "/.tmp"]
        let kept = ["/.index.html.\(live).5.tmp", "/\(old.slug)/.metrics.json.\(getpid()).4.tmp"]
        for name in stale + kept { FileManager.default.createFile(atPath: output + name, contents: Data("x".utf8)) }
        try FileManager.default.createDirectory(atPath: output + "/.2026-W40.new.\(dead).8.tmp/charts", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output + "/.2026-W40.new.\(dead).8.tmp/report.md", contents: Data("half".utf8))

        writer.removeStaleTemporaries()
        for name in stale { #expect(!FileManager.default.fileExists(atPath: output + name), "\(name) survived") }
        #expect(!FileManager.default.fileExists(atPath: output + "/.2026-W40.new.\(dead).8.tmp"))
        for name in kept { #expect(FileManager.default.fileExists(atPath: output + name), "\(name) of a live process was removed") }
        #expect(FolderSnapshot.files(under: output + "/" + old.slug)?.filter { !$0.key.hasPrefix(".") } == Self.expected(old))
    }
}
