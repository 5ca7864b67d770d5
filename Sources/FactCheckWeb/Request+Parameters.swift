import FactCheckCore
import Hummingbird

extension Request {
    /// The query parameter `name` as a whole number within `range`, or `fallback` when it is absent or empty.
    /// Anything else (a sign-less overflow, a fraction, a word, a number out of range) is a 400 naming the range.
    func integer(_ name: String, in range: ClosedRange<Int>, fallback: Int) throws -> Int {
        try optionalInteger(name, in: range) ?? fallback
    }

    /// The query parameter `name` as a whole number within `range`, or nil when it is absent or empty.
    func optionalInteger(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = uri.queryParameters[name[...]], !text.isEmpty else { return nil }
        return try Self.integer(String(text), named: name, in: range)
    }

    /// The page asked for with `pageParameter`; its size is `perPage`, or the `per_page` parameter when `allowsPerPage`.
    func pageRequest(perPage: Int, pageParameter: String = "page", allowsPerPage: Bool = false) throws -> PageRequest {
        let page = try integer(pageParameter, in: 1 ... PageRequest.maxPage, fallback: 1)
        let size = allowsPerPage ? try integer("per_page", in: 1 ... PageRequest.maxPerPage, fallback: perPage) : perPage
        return PageRequest(page: page, perPage: size)
    }

    /// The order of a comment listing from the `parameter` query parameter (`oldest` or `newest`), or a 400.
    func commentOrder(_ parameter: String = "order", fallback: CommentOrder) throws -> CommentOrder {
        guard let text = uri.queryParameters[parameter[...]], !text.isEmpty else { return fallback }
        guard let order = CommentOrder(rawValue: String(text)) else {
            throw WebError.badRequest("\(parameter) must be one of: " + CommentOrder.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return order
    }

    /// Parses decimal digits (ASCII, at most 19) into an `Int` within `range`; never traps.
    static func integer(_ text: String, named name: String, in range: ClosedRange<Int>) throws -> Int {
        guard text.utf8.count <= 19, text.utf8.allSatisfy({ (48 ... 57).contains($0) }), let value = Int(text), range.contains(value) else {
            throw WebError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }
}

extension Parameters {
    /// The path parameter `name` as a positive 64-bit id (comments), or a 400.
    func id(_ name: String) throws -> Int64 {
        Int64(try Request.integer(String(try require(name)), named: name, in: 1 ... Int.max))
    }
}
