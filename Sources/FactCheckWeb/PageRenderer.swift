import FactCheckCore
import Foundation
import Mustache

/// Renders pages from the Mustache templates bundled in `Templates/`. Mustache escapes every `{{value}}` for HTML,
/// so text from claims, sources and comments is always shown as text.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() async throws {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebError.internalError(reference: "missing resource Templates")
        }
        library = try await MustacheLibrary(directory: directory.path)
    }

    func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? "template \(template) is missing"
    }
}

/// Dates as pages show them.
enum PageDates {
    static func long(_ date: Date) -> String { formatter("d MMMM yyyy").string(from: date) }
    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
    static func day(_ date: Date) -> String { formatter("yyyy-MM-dd").string(from: date) }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}

extension Verdict {
    /// CSS class carrying the verdict's colour: "verdict-mostly-true".
    var cssClass: String { "verdict-" + rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }
}
