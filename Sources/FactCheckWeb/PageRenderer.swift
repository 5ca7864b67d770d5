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

extension Verdict {
    /// The verdict in URLs (`?verdict=mostly-true`).
    var urlName: String { rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }

    /// The verdict whose `urlName` this is.
    init?(urlName: String) {
        guard let verdict = Verdict.allCases.first(where: { $0.urlName == urlName }) else { return nil }
        self = verdict
    }

    /// CSS class carrying the verdict's colour: "verdict-mostly-true".
    var cssClass: String { "verdict-" + urlName }
}
