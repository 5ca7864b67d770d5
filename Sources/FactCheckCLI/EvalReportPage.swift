import FactCheckCore
import Foundation

/// A self-contained HTML page of evaluation results: metrics, a confusion-matrix heat map and a
/// reliability diagram (accuracy against confidence per bin), both as inline SVG.
struct EvalReportPage {
    let title: String
    let metrics: ClassificationMetrics
    let correct: [Bool]
    let confidence: [Double]
    var bins = 10

    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try html().write(to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    }

    func html() -> String {
        let rows = metrics.labels.map { label -> String in
            let s = metrics.perClass[label]!
            return "<tr><td>\(escape(label))</td><td>\(f(s.precision))</td><td>\(f(s.recall))</td><td>\(f(s.f1))</td><td>\(s.support)</td></tr>"
        }.joined()
        return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>FactCheck evaluation — \(escape(title))</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2em auto;color:#1a1a1a}
        table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}
        td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:1em 2em 1em 0}</style></head><body>
        <h1>Evaluation: \(escape(title))</h1>
        <p>n = \(metrics.n) · accuracy \(f(metrics.accuracy)) · macro-F1 \(f(metrics.macroF1)) · ECE \(f(metrics.ece))</p>
        <table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\(rows)</table>
        <figure><figcaption>Confusion matrix (rows: gold, columns: predicted)</figcaption>\(confusionSVG())</figure>
        <figure><figcaption>Reliability diagram (bars: accuracy per confidence bin; line: perfect calibration)</figcaption>\(reliabilitySVG())</figure>
        </body></html>
        """
    }

    private func confusionSVG() -> String {
        let n = metrics.labels.count, cell = 70, margin = 130
        let size = margin + n * cell
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(size)\" height=\"\(size)\" role=\"img\" aria-label=\"confusion matrix\">"
        for (row, counts) in metrics.confusion.enumerated() {
            let total = max(1, counts.reduce(0, +))
            svg += "<text x=\"\(margin - 8)\" y=\"\(margin + row * cell + cell / 2)\" text-anchor=\"end\" font-size=\"11\">\(escape(metrics.labels[row]))</text>"
            for (column, count) in counts.enumerated() {
                let share = Double(count) / Double(total)
                let shade = Int(255 - share * 200)
                svg += "<rect x=\"\(margin + column * cell)\" y=\"\(margin + row * cell)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"rgb(\(shade),\(shade),255)\" stroke=\"#fff\"/>"
                svg += "<text x=\"\(margin + column * cell + cell / 2)\" y=\"\(margin + row * cell + cell / 2 + 4)\" text-anchor=\"middle\" font-size=\"13\">\(count)</text>"
            }
        }
        for (column, label) in metrics.labels.enumerated() {
            let x = margin + column * cell + cell / 2
            svg += "<text x=\"\(x)\" y=\"\(margin - 8)\" text-anchor=\"start\" font-size=\"11\" transform=\"rotate(-40 \(x) \(margin - 8))\">\(escape(label))</text>"
        }
        return svg + "</svg>"
    }

    private func reliabilitySVG() -> String {
        let width = 300, height = 300, pad = 30
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width + 2 * pad)\" height=\"\(height + 2 * pad)\" role=\"img\" aria-label=\"reliability diagram\">"
        svg += "<rect x=\"\(pad)\" y=\"\(pad)\" width=\"\(width)\" height=\"\(height)\" fill=\"none\" stroke=\"#999\"/>"
        for bin in 0 ..< bins {
            let lower = Double(bin) / Double(bins), upper = Double(bin + 1) / Double(bins)
            let members = confidence.indices.filter { confidence[$0] >= lower && (confidence[$0] < upper || (bin == bins - 1 && confidence[$0] <= 1)) }
            guard !members.isEmpty else { continue }
            let accuracy = Double(members.filter { correct[$0] }.count) / Double(members.count)
            let barHeight = Int(accuracy * Double(height))
            svg += "<rect x=\"\(pad + bin * width / bins + 2)\" y=\"\(pad + height - barHeight)\" width=\"\(width / bins - 4)\" height=\"\(barHeight)\" fill=\"#4a7bd0\"><title>\(members.count) predictions, accuracy \(f(accuracy))</title></rect>"
        }
        svg += "<line x1=\"\(pad)\" y1=\"\(pad + height)\" x2=\"\(pad + width)\" y2=\"\(pad)\" stroke=\"#d04a4a\" stroke-dasharray=\"4\"/>"
        svg += "<text x=\"\(pad + width / 2)\" y=\"\(height + 2 * pad - 6)\" text-anchor=\"middle\" font-size=\"11\">confidence</text>"
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String { String(format: "%.3f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
