import Foundation
import RobinModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one report's folder, `<output>/<period>/` (report.md, report.html,
/// metrics.json, charts/, tables/, and report.pdf when asked), replacing an existing one as a whole: a reader, or
/// a rerun after `kill -9`, finds the old folder or the new one, never a mix.
///
/// The new folder is written beside the old one under a hidden temporary name
/// (`.<period>.new.<pid>.<random>.tmp`), every file fsynced, then swapped in
/// with one `renameat2(RENAME_EXCHANGE)` where the system has it, else by
/// renaming the old folder aside (`.<period>.old.<pid>.<random>.tmp`) and the
/// new one in. The old folder, now under a temporary name, is deleted last.
/// `removeStaleTemporaries()` clears what a killed run left, and puts an old
/// folder back when a crash came between the two renames.
public struct ReportFolderWriter: Sendable {
    /// The output folder (`Output/` by default) holding one folder per report.
    public let outputDirectory: String
    /// The process id written into temporary names, so that a run leaves the
    /// temporaries of a live process alone; tests give a dead one to play a killed run.
    var processID: Int32 = getpid()
    /// Whether to try `renameat2(RENAME_EXCHANGE)`; tests turn it off to check the fallback.
    var exchangeIfAvailable = true

    /// A writer for reports under `outputDirectory`.
    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Writes `report`'s folder, replacing any folder of the same period as a
    /// whole; returns the folder's path. On a failure the old folder stays.
    /// `audiences` go into its `audiences/<slug>/` subfolders, part of the same
    /// replacement (so audience folders of an earlier run that are not among
    /// them are gone with the old folder). `finish`, when given, runs on the
    /// complete new folder before it is swapped in (report.pdf is printed there
    /// from report.html), so what it adds is part of the one replacement.
    public func write(_ report: RenderedReport, audiences: [RenderedReport] = [],
                      finish: (@Sendable (_ folder: String) throws -> Void)? = nil) throws -> String {
        try AtomicFile.createDirectory(outputDirectory)
        removeStaleTemporaries()
        let plan = self.plan(report, audiences: audiences, finish: finish)
        do {
            for step in plan.steps { try step.run() }
        } catch {
            plan.rollBack()
            throw error
        }
        return plan.folder
    }

    // MARK: - The steps

    /// One step of replacing a folder. A crash between two steps leaves the
    /// output folder in a state `removeStaleTemporaries()` resolves to the old
    /// report or the new one.
    struct Step {
        var name: String
        var run: () throws -> Void
    }

    /// The steps that replace `<output>/<slug>/` with `report`, in order.
    struct Plan {
        var folder: String
        var staging: String
        var aside: String
        var steps: [Step]

        /// Undoes a failed (not crashed) replacement: the staging folder goes,
        /// and an old folder renamed aside comes back.
        func rollBack() {
            let files = FileManager.default
            if !files.fileExists(atPath: folder), files.fileExists(atPath: aside) {
                _ = rename(aside, folder)
            }
            try? files.removeItem(atPath: staging)
        }
    }

    func plan(_ report: RenderedReport, audiences: [RenderedReport] = [],
              finish: (@Sendable (String) throws -> Void)? = nil) -> Plan {
        let folder = path(report.slug)
        let token = "\(processID).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let staging = path(".\(report.slug).new.\(token)")
        let aside = path(".\(report.slug).old.\(token)")
        let output = outputDirectory
        var steps = [Step(name: "create the staging folder") { () throws(AtomicFile.Failure) in
            try AtomicFile.createDirectory((staging as NSString).appendingPathComponent("charts"))
        }]
        let files = report.files + audiences.flatMap { audience in
            audience.files.map { ("audiences/\(audience.slug)/" + $0.path, $0.contents) }
        }
        for (name, text) in files {
            // AtomicFile fsyncs each file and the folder it lands in, so the
            // staging folder is complete on disk before it is swapped in.
            steps.append(Step(name: "write \(name)") { () throws(AtomicFile.Failure) in
                try AtomicFile.write(text, to: (staging as NSString).appendingPathComponent(name))
            })
        }
        if let finish {
            steps.append(Step(name: "finish the new folder") { try finish(staging) })
        }
        if exchangeIfAvailable, let exchange = Self.renameExchange {
            steps.append(Step(name: "swap the new folder in") { () throws(AtomicFile.Failure) in
                if FileManager.default.fileExists(atPath: folder),
                   exchange(AT_FDCWD, staging, AT_FDCWD, folder, Self.renameExchangeFlag) == 0 {
                    // The staging name now holds the old report, which the next step removes.
                    AtomicFile.syncDirectory(output)
                } else {
                    // No folder yet, or a file system without exchange (EINVAL): rename aside and in.
                    try Self.moveAside(folder, to: aside, output: output)
                    try Self.durableRename(staging, to: folder, output: output)
                }
            })
        } else {
            steps.append(Step(name: "move the old folder aside") { () throws(AtomicFile.Failure) in
                try Self.moveAside(folder, to: aside, output: output)
            })
            steps.append(Step(name: "move the new folder in") { () throws(AtomicFile.Failure) in
                try Self.durableRename(staging, to: folder, output: output)
            })
        }
        steps.append(Step(name: "remove the old folder") { () throws(AtomicFile.Failure) in
            // After an exchange the old report is under the staging name; after the fallback, aside.
            for old in [staging, aside] where FileManager.default.fileExists(atPath: old) {
                do {
                    try FileManager.default.removeItem(atPath: old)
                } catch {
                    throw AtomicFile.Failure(path: old, reason: "cannot remove the replaced report: \(error.localizedDescription)")
                }
            }
        })
        return Plan(folder: folder, staging: staging, aside: aside, steps: steps)
    }

    private func path(_ name: String) -> String {
        (outputDirectory as NSString).appendingPathComponent(name)
    }

    /// Renames `folder` to `aside` when it exists, and makes that durable.
    private static func moveAside(_ folder: String, to aside: String, output: String) throws(AtomicFile.Failure) {
        guard FileManager.default.fileExists(atPath: folder) else { return }
        try durableRename(folder, to: aside, output: output)
    }

    /// `rename(2)` then an fsync of the output folder, so the rename survives a crash.
    private static func durableRename(_ from: String, to: String, output: String) throws(AtomicFile.Failure) {
        guard rename(from, to) == 0 else {
            throw AtomicFile.Failure(path: to, reason: "cannot rename \(from) into place: \(AtomicFile.errnoText())")
        }
        AtomicFile.syncDirectory(output)
    }

    // MARK: - renameat2

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `RENAME_EXCHANGE` of linux/fs.h: swap the two names atomically.
    static let renameExchangeFlag: UInt32 = 1 << 1

    /// glibc's `renameat2` (2.28 and later), looked up at run time because the
    /// Glibc module does not import it; nil elsewhere.
    static let renameExchange: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()
}
