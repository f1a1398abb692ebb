import Foundation

/// An `[[audiences]]` entry of the configuration: a report of some buildings
/// and/or departments, written to `<output>/<period>/audiences/<slug>/` and
/// mailed to its own list.
///
/// Its rows are those of its buildings (desk reservations and room events
/// there) and of its departments (desk rows by `Assignee Department`, room
/// events by `Host Department`); with both, a row must match both: one of the
/// buildings and one of the departments.
public struct Audience: Sendable, Equatable {
    /// The name shown in the report's title and in metrics.json (`name`).
    public var name: String
    /// The folder name under `audiences/`: lower-case ASCII letters, digits and
    /// `-` (`slug`, default `Audience.slug(name)`).
    public var slug: String
    /// Building names as exported (`buildings`); empty = any building.
    public var buildings: [String]
    /// Department names as exported (`departments`); empty = any department.
    public var departments: [String]
    /// Recipients of its report (`to`); empty = its report is not mailed.
    public var to: [EmailAddress]
    /// Copy recipients (`cc`).
    public var cc: [EmailAddress]

    /// An audience; `slug` nil = made from `name`.
    public init(name: String, slug: String? = nil, buildings: [String] = [], departments: [String] = [],
                to: [EmailAddress] = [], cc: [EmailAddress] = []) {
        self.name = name
        self.slug = slug ?? Audience.slug(name)
        self.buildings = buildings
        self.departments = departments
        self.to = to
        self.cc = cc
    }

    /// How metrics.json names this audience.
    public var label: AudienceLabel { AudienceLabel(name: name, slug: slug) }

    /// The folder name made from `name`: accents dropped ("Zürich" -> "zurich"),
    /// ASCII letters lower-cased, digits kept, and every run of anything else
    /// one `-` ("London site" -> "london-site"); no `-` at either end. Empty
    /// when the name has no ASCII letter or digit (then the config must give `slug`).
    public static func slug(_ name: String) -> String {
        var out = "", pendingDash = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.isASCII ? Character(scalar).lowercased() : ""
            if let first = lower.unicodeScalars.first, lower.count == 1,
               ("a"..."z").contains(first) || ("0"..."9").contains(first) {
                if pendingDash && !out.isEmpty { out += "-" }
                out += lower
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// Why `slug` cannot be an audience's folder name, or nil when it can.
    public static func slugProblem(_ slug: String) -> String? {
        if slug.isEmpty { return "must not be empty" }
        guard slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return "\"\(slug)\" may hold only lower-case ASCII letters, digits and -" }
        if slug.hasPrefix("-") || slug.hasSuffix("-") { return "\"\(slug)\" must not start or end with -" }
        return nil
    }
}

/// The `audience` object of an audience report's metrics.json: its name and folder.
public struct AudienceLabel: Sendable, Equatable, Decodable {
    /// The audience's `name` in the configuration.
    public var name: String
    /// Its folder under `<period>/audiences/`.
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}
