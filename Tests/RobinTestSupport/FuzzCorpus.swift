import Foundation

/// The fuzz targets' inputs in the repository (`Fuzz/`, README "Fuzzing"): the
/// seeds (`Fuzz/corpus/<target>`) and every input that once crashed a target
/// (`Fuzz/crashes/<target>`), which the corpus tests replay through the
/// ordinary library build.
public enum FuzzCorpus {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The seeds and the saved crashes of `target`, as paths relative to the
    /// root (`Fuzz/crashes/config/crash-044b...`), sorted; dot files are not inputs.
    public static func files(_ target: String) -> [String] {
        ["Fuzz/corpus/\(target)", "Fuzz/crashes/\(target)"].flatMap { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    /// The bytes of `file` (relative to the root).
    public static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(file)")))
    }

    /// A new empty folder for a target that writes its input to files.
    public static func scratchFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robin-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
