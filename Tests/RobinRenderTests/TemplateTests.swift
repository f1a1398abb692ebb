import Foundation
import Testing
import RobinTestSupport
@testable import RobinRender

@Suite("Templates")
struct TemplateTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardized

    @Test("the templates built into the binary are the ones in Templates/ (run scripts/embed-templates.sh)")
    func embeddedCopyIsCurrent() throws {
        let files = (FileManager.default.enumerator(atPath: Self.templatesFolder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
        #expect(files.count == DefaultTemplates.all.count)
        for file in files {
            let text = try String(contentsOf: Self.templatesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(DefaultTemplates.all[String(file.dropLast(".mustache".count))] == text, "\(file) differs")
        }
    }

    @Test("a syntax error names the template file, line and column")
    func syntaxError() throws {
        let folder = try TemporaryFolder("robin-templates")
        defer { folder.remove() }
        try folder.write("partials/footer.mustache", "{{% CONTENT_TYPE: MARKDOWN}}\n## About\n\n{{#dataWindow}}\n| {{kind}} |\n")
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(directory: folder.path) }
        #expect(error.file.hasSuffix("partials/footer.mustache"))
        #expect(error.line != nil && error.column != nil)
        #expect(error.description.hasPrefix(folder.path + "/partials/footer.mustache:"))
    }

    @Test("--templates replaces a template and keeps the other defaults")
    func override() async throws {
        let folder = try TemporaryFolder("robin-templates")
        defer { folder.remove() }
        try folder.write("weekly.mustache", "{{% CONTENT_TYPE: MARKDOWN}}\n# Our own: {{{title}}}\n\n{{> partials/footer}}\n")
        let report = try ReportRenderer(templates: .load(directory: folder.path)).render(try await ReportFixture.week())
        #expect(report.markdown.hasPrefix("# Our own: Week 47, 2026\n"))
        #expect(report.markdown.contains("## About the data"))
        #expect(!report.markdown.contains("## Headlines"))
    }

    @Test("a missing templates folder is an error")
    func missingFolder() {
        #expect(throws: TemplateError.self) { try TemplateSet.load(directory: "/nonexistent/templates") }
    }
}
