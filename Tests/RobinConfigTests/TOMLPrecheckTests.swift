import Foundation
import Testing
@testable import RobinConfig

/// What TOMLKit crashed on, found by the config fuzz target (Fuzz/crashes/config):
/// its parser (toml++) aborted the process on a table header without a key start
/// (`[.]`, `[!]`, `[[é]]`, a lone `[`), a `}` where an array expects a value, and
/// a date-time without a two-digit hour (`1979-05-27T:07`, `1979-05-27 2`); a
/// `\u0000` escape in a quoted key crashed reading the table (and one in a value
/// cut it short).
@Suite("Configuration: what TOMLKit mishandles")
struct TOMLPrecheckTests {
    static let crashers: [(text: String, message: String)] = [
        ("[.]\n", "c.toml:1:2: not valid TOML: a table header needs a key after '[', not '.'"),
        ("[!]\n", "c.toml:1:2: not valid TOML: a table header needs a key after '[', not '!'"),
        ("timezone = \"UTC\"\n  [ =]\n", "c.toml:2:5: not valid TOML: a table header needs a key after '[', not '='"),
        ("[[é]]\n", "c.toml:1:3: not valid TOML: a table header needs a key after '[', not 'é'"),
        ("[\n", "c.toml:1:2: not valid TOML: a table header needs a key after '[', not the end of the line"),
        ("[\u{0B}a]\n", "c.toml:1:2: not valid TOML: a table header needs a key after '[', not U+000B"),
        ("\u{FEFF}[=]\n", "c.toml:1:2: not valid TOML: a table header needs a key after '[', not '='"),
        ("[policy]\ndays_per_week = 3\n[\t#]\n", "c.toml:3:3: not valid TOML: a table header needs a key after '[', not '#'"),
        (" [\"\\u0000unday\"]\n", "c.toml:1:4: a NUL character (\\u0000) is not allowed in the configuration"),
        ("[buildings]\n\"H\\U00000000Q\" = {}\n", "c.toml:2:3: a NUL character (\\u0000) is not allowed in the configuration"),
        ("timezone = \"\"\"\nUTC\\u0000 \"\"\"\n", "c.toml:2:4: a NUL character (\\u0000) is not allowed in the configuration"),
        ("location_ids = [1, }]\n", "c.toml:1:20: not valid TOML: expected a value or ']' in the array, not '}'"),
        ("location_ids = [\n  # none yet\n  }]\n", "c.toml:3:3: not valid TOML: expected a value or ']' in the array, not '}'"),
        ("x = { a = [[ }] }\n", "c.toml:1:14: not valid TOML: expected a value or ']' in the array, not '}'"),
        ("d = 1979-05-27T:07\n", "c.toml:1:16: not valid TOML: a date-time needs a two-digit hour after the date"),
        ("d = [1979-05-27tx:]\n", "c.toml:1:17: not valid TOML: a date-time needs a two-digit hour after the date"),
        ("d = 1979-05-27 2\n", "c.toml:1:17: not valid TOML: a date-time needs a two-digit hour after the date"),
        ("x = {d = 1979-05-27 2}\n", "c.toml:1:22: not valid TOML: a date-time needs a two-digit hour after the date"),
        ("org_id =1979-05-\"7 0# x\n", "c.toml:1:21: not valid TOML: a date-time needs a two-digit hour after the date"),
        ("d = [1979-05-2_7 2]\n", "c.toml:1:19: not valid TOML: a date-time needs a two-digit hour after the date"),
    ]

    @Test("parsing one does not crash the process", arguments: crashers.map(\.text))
    func doesNotAbort(text: String) async {
        await #expect(processExitsWith: .success) { [text] in
            _ = try? ConfigLoader.parse(text, file: "c.toml")
        }
    }

    @Test("it is a usage error naming its line and column", arguments: crashers)
    func isAnError(text: String, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        #expect(error.description == message)
        #expect(error.exitStatus == .usage)
    }

    @Test("a [ inside comments, strings and multi-line values is no header")
    func bracketsInValues() throws {
        let settings = try ConfigLoader.parse(#"""
            # [!] a comment
            workweek = [
              "Mon", # [!]
              'Tue' ]
            output = """
            [!] "" \"""
            [.]"""
            cache = '''
            [=]'''
            ["buildings"]
            [buildings.'HQ [.]']
            desks = 3
            """#, file: "c.toml")
        #expect(settings.outputDirectory == "[!] \"\" \"\"\"\n[.]")
        #expect(settings.cacheDirectory == "[=]")
        #expect(settings.buildings["HQ [.]"]?.desks == 3)
    }

    @Test("valid TOML passes: nested arrays and inline tables over lines, dates, date-like keys")
    func validTOML() {
        #expect(TOMLPrecheck.firstProblem(in: """
            a = [
            [ {b = [
            [ 1 ] ] } ],
            [ "x" ], [ '''
            [!]''' ], {},
            ]
            [c]
            d = [1979-05-27, 1979-05-27T07:32:00Z, 1979-05-27 07:32, 1979-05-27t07:32:00.5-07:00 ]
            e = 1979-05-27 # 12
            e2 = [1979-05-27 , 1979-05-28]
            1979-05-27T = 1
            f = { 1979-05-27t = 2, g = [ 1979-05-27 ] }
            """) == nil)
    }

    @Test("a \\u0000 in a literal string or a comment is text, and other escapes are kept")
    func escapesElsewhere() throws {
        let settings = try ConfigLoader.parse(#"""
            output = 'C:\u0000'  # \u0000
            cache = "a\\u0000\u0041\U00000042"
            """#, file: "c.toml")
        #expect(settings.outputDirectory == #"C:\u0000"#)
        #expect(settings.cacheDirectory == #"a\u0000AB"#)
    }

    @Test("an empty header and an unclosed one are still the parser's to report")
    func parserErrors() throws {
        for text in ["[ ]\n", "[", "[a\n"] {
            let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
            #expect(error.description.hasPrefix("c.toml:1:"))
            #expect(error.description.contains("not valid TOML"))
        }
    }
}
