import Foundation
import Mustache
import RobinModel

/// The Mustache templates of a report: the defaults built into the binary, or a
/// folder of `.mustache` files (`--templates DIR`) that replaces any of them.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary

    /// The built-in templates (a copy of the repository's Templates/).
    public static func builtIn() throws(TemplateError) -> TemplateSet {
        try TemplateSet(sources: DefaultTemplates.all.map { ($0.key, $0.value, "Templates/\($0.key).mustache") })
    }

    /// The built-in templates overridden by every `.mustache` file under `directory`
    /// (`weekly.mustache`, `monthly.mustache`, `partials/*.mustache`).
    public static func load(directory: String) throws(TemplateError) -> TemplateSet {
        var sources = Dictionary(uniqueKeysWithValues: DefaultTemplates.all.map { ($0.key, ($0.value, "Templates/\($0.key).mustache")) })
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError.template(file: directory, message: "no such templates folder")
        }
        let base = URL(fileURLWithPath: directory)
        let files = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        for file in files where file.hasSuffix(".mustache") {
            let path = base.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw TemplateError.template(file: path, message: "cannot read")
            }
            sources[String(file.dropLast(".mustache".count))] = (text, path)
        }
        return try TemplateSet(sources: sources.map { ($0.key, $0.value.0, $0.value.1) })
    }

    init(sources: [(name: String, text: String, file: String)]) throws(TemplateError) {
        MarkdownContentType.registerOnce()
        var library = MustacheLibrary()
        for source in sources.sorted(by: { $0.name < $1.name }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError.template(file: source.file, line: error.context.lineNumber, column: error.context.columnNumber,
                                    message: "\(error.error)")
            } catch {
                throw TemplateError.template(file: source.file, message: "\(error)")
            }
        }
        self.library = library
    }

    /// Renders template `name` with `values`.
    func render(_ name: String, _ values: [String: Any]) throws(TemplateError) -> String {
        guard let text = library.render(values, withTemplate: name) else {
            throw TemplateError.template(file: "\(name).mustache", message: "no such template")
        }
        return text
    }
}

/// A template problem: file, and line and column for syntax errors
/// (`weekly.mustache:12:3: template error: ...`).
public typealias TemplateError = FileProblem

extension FileProblem {
    /// A problem in the template `file`.
    static func template(file: String, line: Int? = nil, column: Int? = nil, message: String) -> FileProblem {
        FileProblem(file: file, line: line, column: column, message: message, label: "template error: ")
    }
}
