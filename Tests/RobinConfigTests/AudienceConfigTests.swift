import Testing
import RobinModel
@testable import RobinConfig

@Suite("Configuration: [[audiences]]")
struct AudienceConfigTests {
    @Test("each [[audiences]] table, in the file's order, with its slug made from its name")
    func audiences() throws {
        let settings = try ConfigLoader.parse("""
            [[audiences]]
            name = "London site"
            buildings = ["London"]
            to = ["london-lead@example.com"]
            cc = ["Ops <ops@example.com>"]

            [[audiences]]
            name = "R&D (Zürich)"
            departments = ["Engineering", "Research"]
            buildings = ["HQ New York", "London"]
            to = ["rd@example.com"]

            [[audiences]]
            name = "東京"
            slug = "tokyo"
            buildings = ["Tokyo"]
            """, file: "robin-report.toml")
        #expect(settings.audiences.map(\.name) == ["London site", "R&D (Zürich)", "東京"])
        #expect(settings.audiences.map(\.slug) == ["london-site", "r-d-zurich", "tokyo"])
        #expect(settings.audiences[0].buildings == ["London"] && settings.audiences[0].departments.isEmpty)
        #expect(settings.audiences[0].to.map(\.address) == ["london-lead@example.com"])
        #expect(settings.audiences[0].cc.map(\.name) == ["Ops"])
        #expect(settings.audiences[1].departments == ["Engineering", "Research"])
        #expect(settings.audiences[1].buildings == ["HQ New York", "London"])
        #expect(settings.audiences[2].to.isEmpty)
        #expect(try ConfigLoader.parse("org_id = 1\n", file: "c.toml").audiences.isEmpty)
    }

    @Test("slugs: lower-case ASCII letters, digits and -, accents dropped, no - at the ends")
    func slugs() {
        #expect(Audience.slug("London site") == "london-site")
        #expect(Audience.slug("  São Paulo -- 2nd floor!  ") == "sao-paulo-2nd-floor")
        #expect(Audience.slug("Ops/Night shift") == "ops-night-shift")
        #expect(Audience.slug("東京") == "")
        #expect(Audience.slugProblem("london-site") == nil)
        #expect(Audience.slugProblem("London") == "\"London\" may hold only lower-case ASCII letters, digits and -")
        #expect(Audience.slugProblem("-x") == "\"-x\" must not start or end with -")
    }

    /// A valid first audience, so the errors below are about the second one (line 6 on).
    static let first = "[[audiences]]\nname = \"London site\"\nbuildings = [\"London\"]\nto = [\"a@example.com\"]\n\n"

    @Test("errors name the file, the line and the key (audiences[N], N from 1)", arguments: [
        (first + "[[audiences]]\nname = \"\"\nbuildings = [\"Singapore\"]\n",
         "c.toml:7: audiences[2].name: must be a non-empty string"),
        (first + "[[audiences]]\nbuildings = [\"Singapore\"]\n", "c.toml:6: audiences[2]: needs a name"),
        (first + "[[audiences]]\nname = \"london site\"\nbuildings = [\"Singapore\"]\n",
         "c.toml:7: audiences[2].name: \"london site\" is already the name of another audience (\"London site\")"),
        (first + "[[audiences]]\nname = \"London: site\"\nbuildings = [\"Singapore\"]\n",
         "c.toml:7: audiences[2].name: \"London: site\" has the folder name \"london-site\" of audience \"London site\" (give one of them another name, or a slug)"),
        (first + "[[audiences]]\nname = \"Singapore\"\nslug = \"london-site\"\nbuildings = [\"Singapore\"]\n",
         "c.toml:8: audiences[2].slug: \"Singapore\" has the folder name \"london-site\" of audience \"London site\" (give one of them another name, or a slug)"),
        (first + "[[audiences]]\nname = \"Singapore\"\nto = [\"sg@example.com\"]\n",
         "c.toml:6: audiences[2]: \"Singapore\" needs buildings or departments (or both): the rows its report is made from"),
        (first + "[[audiences]]\nname = \"Singapore\"\nbuildings = []\ndepartments = []\n",
         "c.toml:6: audiences[2]: \"Singapore\" needs buildings or departments (or both): the rows its report is made from"),
        (first + "[[audiences]]\nname = \"Singapore\"\nbuildings = [\"Singapore\"]\nto = [\"sg-lead\"]\n",
         "c.toml:9: audiences[2].to: \"sg-lead\" is not an address like name@example.com"),
        (first + "[[audiences]]\nname = \"Singapore\"\nbuildings = [\"Singapore\"]\ncc = \"x@example.com\"\n",
         "c.toml:9: audiences[2].cc: must be an array of addresses"),
        (first + "[[audiences]]\nname = \"Singapore\"\nbuildings = \"Singapore\"\n",
         "c.toml:8: audiences[2].buildings: must be an array of names"),
        (first + "[[audiences]]\nname = \"Singapore\"\ndepartments = [\"Sales\", \"Sales\"]\n",
         "c.toml:8: audiences[2].departments: \"Sales\" is listed twice"),
        (first + "[[audiences]]\nname = \"Singapore\"\nbuildings = [\"Singapore\", 3]\n",
         "c.toml:8: audiences[2].buildings: must hold non-empty strings, not 3"),
        (first + "[[audiences]]\nname = \"東京\"\nbuildings = [\"Tokyo\"]\n",
         "c.toml:7: audiences[2].name: \"東京\" gives no folder name (must not be empty): add slug = \"a-folder-name\""),
        (first + "[[audiences]]\nname = \"Tokyo\"\nslug = \"Tokyo\"\nbuildings = [\"Tokyo\"]\n",
         "c.toml:8: audiences[2].slug: \"Tokyo\" may hold only lower-case ASCII letters, digits and -"),
        (first + "[[audiences]]\nname = \"Singapore\"\nbuilding = [\"Singapore\"]\n",
         "c.toml:8: unknown key \"audiences[2].building\" (known here: name, slug, buildings, departments, to, cc)"),
        ("audiences = \"London\"\n", "c.toml:1: audiences: must be an array of tables: write each as [[audiences]]"),
        ("audiences = [1]\n", "c.toml: audiences[1]: must be a table with name, buildings or departments, to and cc"),
    ])
    func errors(text: String, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        #expect(error.description == message)
        #expect(error.exitStatus == .usage)
    }
}
