import Foundation

/// Reads ingestible documents from files and folders:
/// - `.jsonl`: one document per line, `{"title", "text", "url"?, "id"?, "publisher"? or "source"?, "published"? (ISO-8601 or YYYY-MM-DD), "license"?}`;
/// - `.txt`, `.md`, `.markdown`: one document (title: the first Markdown heading or the file name);
/// - `.html`, `.htm`: main text extracted, boilerplate dropped;
/// - `.json` in the Wikipedia-summaries layout `{title: {"title", "extract", ...}}` (the starter knowledge base);
/// - folders: everything above, recursively, in path order.
/// Unreadable, binary, non-UTF-8, oversized or malformed inputs are reported with file and line, never fatal.
public struct DocumentReader: Sendable {
    public var maxFileBytes: Int

    public init(maxFileBytes: Int = 64 << 20) { self.maxFileBytes = maxFileBytes }

    public static let supportedExtensions: Set<String> = ["jsonl", "txt", "md", "markdown", "html", "htm", "json"]

    /// Files to read under `paths` (folders expanded), sorted; unsupported files are reported.
    public func files(at paths: [String]) -> (files: [URL], skipped: [SkippedInput]) {
        var files: [URL] = [], skipped: [SkippedInput] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                skipped.append(SkippedInput(origin: path, reason: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey])
                var found: [URL] = []
                while let url = enumerator?.nextObject() as? URL {
                    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                    if Self.supportedExtensions.contains(url.pathExtension.lowercased()) { found.append(url) }
                }
                files += found.sorted { $0.path < $1.path }
            } else if Self.supportedExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
                files.append(URL(fileURLWithPath: path))
            } else {
                skipped.append(SkippedInput(origin: path, reason: "unsupported file type (expected .jsonl, .json, .txt, .md, .html)"))
            }
        }
        return (files, skipped)
    }

    /// The documents in one file, and what was skipped in it.
    public func read(_ url: URL) -> (documents: [RawDocument], skipped: [SkippedInput]) {
        let path = url.path
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            guard size <= maxFileBytes else { return ([], [SkippedInput(origin: path, reason: "file is \(size) bytes; the limit is \(maxFileBytes)")]) }
            data = try Data(contentsOf: url)
        } catch {
            return ([], [SkippedInput(origin: path, reason: "cannot read: \(error.localizedDescription)")])
        }
        if data.prefix(8192).contains(0) { return ([], [SkippedInput(origin: path, reason: "binary file (contains NUL bytes)")]) }
        guard let text = String(data: data, encoding: .utf8) else {
            return ([], [SkippedInput(origin: path, reason: "not valid UTF-8 text")])
        }
        switch url.pathExtension.lowercased() {
        case "jsonl": return readJSONLines(text, path: path)
        case "json": return readSummaries(data, path: path)
        case "html", "htm":
            let extracted = HTMLTextExtractor.extract(text)
            guard !extracted.text.isEmpty else { return ([], [SkippedInput(origin: path, reason: "no main text found in the HTML")]) }
            return ([RawDocument(title: extracted.title ?? url.deletingPathExtension().lastPathComponent, text: extracted.text,
                                 url: extracted.canonicalURL, publisher: extracted.siteName,
                                 published: extracted.published.flatMap(Self.date), origin: path)], [])
        default:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return ([], [SkippedInput(origin: path, reason: "empty file")]) }
            let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = lines.first, first.hasPrefix("#") {
                let title = first.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                return ([RawDocument(title: title, text: Self.plainMarkdown(lines.dropFirst().joined(separator: "\n")), origin: path)], [])
            }
            return ([RawDocument(title: url.deletingPathExtension().lastPathComponent, text: Self.plainMarkdown(trimmed), origin: path)], [])
        }
    }

    private func readJSONLines(_ text: String, path: String) -> ([RawDocument], [SkippedInput]) {
        var documents: [RawDocument] = [], skipped: [SkippedInput] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let origin = "\(path):\(index + 1)"
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                skipped.append(SkippedInput(origin: origin, reason: "not a JSON object"))
                continue
            }
            guard let body = object["text"] as? String, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                skipped.append(SkippedInput(origin: origin, reason: "missing or empty \"text\""))
                continue
            }
            guard let title = (object["title"] as? String).flatMap({ $0.isEmpty ? nil : $0 }) else {
                skipped.append(SkippedInput(origin: origin, reason: "missing \"title\""))
                continue
            }
            let published = (object["published"] as? String).flatMap(Self.date)
            if object["published"] != nil, published == nil {
                skipped.append(SkippedInput(origin: origin, reason: "unreadable \"published\" date (expected ISO-8601 or YYYY-MM-DD)"))
                continue
            }
            documents.append(RawDocument(
                id: object["id"] as? String, title: title, text: body, url: object["url"] as? String,
                publisher: object["publisher"] as? String ?? object["source"] as? String, published: published,
                license: object["license"] as? String, origin: origin
            ))
        }
        return (documents, skipped)
    }

    /// The starter knowledge base layouts: Wikipedia summaries, `{"<title>": {"title", "extract", "description"?}}`,
    /// or one country of The World Factbook (`FactbookReader`).
    private func readSummaries(_ data: Data, path: String) -> ([RawDocument], [SkippedInput]) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ([], [SkippedInput(origin: path, reason: "not a JSON object of Wikipedia summaries or a Factbook country")])
        }
        if FactbookReader.isEntry(object) { return FactbookReader.read(object, origin: path) }
        var documents: [RawDocument] = [], skipped: [SkippedInput] = []
        for key in object.keys.sorted() {
            guard let entry = object[key] as? [String: Any], let extract = entry["extract"] as? String, !extract.isEmpty else {
                skipped.append(SkippedInput(origin: "\(path): \"\(key)\"", reason: "entry without an \"extract\""))
                continue
            }
            let title = entry["title"] as? String ?? key
            let slug = title.replacingOccurrences(of: " ", with: "_").addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? title
            documents.append(RawDocument(
                id: "wikipedia:\(title)", title: title, text: extract, url: "https://en.wikipedia.org/wiki/\(slug)",
                publisher: "Wikipedia", license: "CC BY-SA 4.0", origin: "\(path): \"\(key)\""
            ))
        }
        return (documents, skipped)
    }

    /// Markdown to plain prose: headings, emphasis, links and code markers removed.
    public static func plainMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            .replacingOccurrences(of: #"(?m)^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"[*_`]{1,3}"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An ISO-8601 date-time, or the calendar date its first ten characters give.
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: String(text.prefix(10)))
    }
}
