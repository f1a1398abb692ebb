import Testing
import RobinModel
@testable import RobinConfig

@Suite("Configuration: pdf")
struct PDFConfigTests {
    @Test("pdf = true, or a [pdf] table with enabled and browser; off by default")
    func keys() throws {
        #expect(try ConfigLoader.parse("", file: "c.toml").pdf == Settings.PDF(enabled: false, browser: nil))
        #expect(try ConfigLoader.parse("pdf = true\n", file: "c.toml").pdf == Settings.PDF(enabled: true))
        #expect(try ConfigLoader.parse("pdf = false\n", file: "c.toml").pdf == Settings.PDF(enabled: false))
        #expect(try ConfigLoader.parse("[pdf]\nenabled = true\nbrowser = \"google-chrome\"\n", file: "c.toml").pdf
            == Settings.PDF(enabled: true, browser: "google-chrome"))
        // A browser alone is for `report --pdf`: it does not turn printing on.
        #expect(try ConfigLoader.parse("pdf = { browser = \"/opt/chromium/chrome\" }\n", file: "c.toml").pdf
            == Settings.PDF(enabled: false, browser: "/opt/chromium/chrome"))
    }

    @Test("errors name the file, the line and the key", arguments: [
        ("pdf = \"yes\"\n", "c.toml:1: pdf: must be true, false, or a table with enabled and browser, not \"yes\""),
        ("[pdf]\nenabled = 1\n", "c.toml:2: pdf.enabled: must be true or false, not 1"),
        ("[pdf]\nbrowser = \"\"\n", "c.toml:2: pdf.browser: must be a non-empty string"),
        ("[pdf]\nbrowser = \"chrome\\n--evil\"\n", "c.toml:2: pdf.browser: must be one line"),
        ("[pdf]\nbrowsr = \"chrome\"\n", "c.toml:2: unknown key \"pdf.browsr\" (known here: enabled, browser)"),
    ])
    func errors(toml: String, message: String) {
        #expect {
            try ConfigLoader.parse(toml, file: "c.toml")
        } throws: { error in
            (error as? ConfigError)?.description == message && (error as? ConfigError)?.exitStatus == .usage
        }
    }
}
