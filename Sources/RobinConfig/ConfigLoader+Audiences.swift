import Foundation
import RobinModel
import TOMLKit

extension ConfigLoader {
    /// `[[audiences]]`: an array of tables, each with `name`, `buildings` and/or
    /// `departments`, and `to`, `cc` and `slug` if wanted; names and slugs unique.
    func audiences(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> [Audience] {
        guard let list = value.array else { throw invalid(key, "must be an array of tables: write each as [[audiences]]") }
        var audiences: [Audience] = []
        for (index, item) in list.enumerated() {
            let place = AudiencePlace(number: index + 1, loader: self)
            guard let table = item.table else { throw place.error(nil, "must be a table with name, buildings or departments, to and cc") }
            let audience = try self.audience(table, place)
            if let other = audiences.first(where: { $0.name.lowercased() == audience.name.lowercased() }) {
                throw place.error("name", "\"\(audience.name)\" is already the name of another audience (\"\(other.name)\")")
            }
            if let other = audiences.first(where: { $0.slug == audience.slug }) {
                throw place.error(table["slug"] == nil ? "name" : "slug",
                                  "\"\(audience.name)\" has the folder name \"\(audience.slug)\" of audience \"\(other.name)\" "
                                    + "(give one of them another name, or a slug)")
            }
            audiences.append(audience)
        }
        return audiences
    }

    private func audience(_ table: TOMLTable, _ place: AudiencePlace) throws(ConfigError) -> Audience {
        let known = ["name", "slug", "buildings", "departments", "to", "cc"]
        var name: String?, slug: String?, buildings: [String] = [], departments: [String] = []
        var to: [EmailAddress] = [], cc: [EmailAddress] = []
        for (key, item) in table {
            let path = place.key(key)
            switch key {
            case "name":
                guard let text = item.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw place.error(key, "must be a non-empty string")
                }
                if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw place.error(key, "must be one line")
                }
                name = text
            case "slug":
                let text = try place.string(item, key)
                if let problem = Audience.slugProblem(text) { throw place.error(key, problem) }
                slug = text
            case "buildings", "departments":
                guard let array = item.array else { throw place.error(key, "must be an array of names") }
                var names: [String] = []
                for entry in array {
                    let text = try place.string(entry, key)
                    guard !names.contains(text) else { throw place.error(key, "\"\(text)\" is listed twice") }
                    names.append(text)
                }
                if key == "buildings" { buildings = names } else { departments = names }
            case "to", "cc":
                guard let array = item.array else { throw place.error(key, "must be an array of addresses") }
                var addresses: [EmailAddress] = []
                for entry in array {
                    let text = try place.string(entry, key)
                    guard let address = EmailAddress(text) else {
                        throw place.error(key, "\"\(text)\" \(EmailAddress.problem(text) ?? "is not an address")")
                    }
                    addresses.append(address)
                }
                if key == "to" { to = addresses } else { cc = addresses }
            default:
                throw ConfigError(file: file, line: place.line(of: key),
                                  message: "unknown key \"\(path)\" (known here: \(known.joined(separator: ", ")))")
            }
        }
        guard let name else { throw place.error(nil, "needs a name") }
        guard !buildings.isEmpty || !departments.isEmpty else {
            throw place.error(nil, "\"\(name)\" needs buildings or departments (or both): the rows its report is made from")
        }
        let audience = Audience(name: name, slug: slug, buildings: buildings, departments: departments, to: to, cc: cc)
        if slug == nil, let problem = Audience.slugProblem(audience.slug) {
            throw place.error("name", "\"\(name)\" gives no folder name (\(problem)): add slug = \"a-folder-name\"")
        }
        return audience
    }

    /// Where an `[[audiences]]` table is: its number (1 = the first) for key
    /// names (`audiences[2].to`) and its lines for errors.
    struct AudiencePlace {
        let number: Int
        let loader: ConfigLoader

        func key(_ name: String?) -> String { "audiences[\(number)]" + (name.map { ".\($0)" } ?? "") }

        func error(_ name: String?, _ problem: String) -> ConfigError {
            ConfigError(file: loader.file, line: line(of: name), message: "\(key(name)): \(problem)")
        }

        func string(_ value: any TOMLValueConvertible, _ name: String) throws(ConfigError) -> String {
            guard let text = value.string, !text.isEmpty else { throw error(name, "must hold non-empty strings, not \(value)") }
            return text
        }

        /// The line assigning `name` in this table, else the table's `[[audiences]]` line.
        func line(of name: String?) -> Int? {
            loader.line(ofKey: name, inArrayTable: "audiences", number: number)
        }
    }

    /// The line assigning `key` inside the `number`-th `[[table]]` (1 = the first),
    /// else that header's line; nil when there is no such header (an inline array).
    func line(ofKey key: String?, inArrayTable table: String, number: Int) -> Int? {
        var seen = 0, header: Int?
        for (index, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") {
                if header != nil { break }
                let name = text.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("[["), name == table || name == "\"\(table)\"" {
                    seen += 1
                    if seen == number { header = index + 1 }
                }
                continue
            }
            if header != nil, let key, !text.hasPrefix("#"), assigns(text, key) { return index + 1 }
        }
        return header
    }
}
