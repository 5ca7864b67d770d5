import FactCheckCore
import XCTest

final class ClassificationMetricsTests: XCTestCase {
    func testScoresAHandComputedExample() {
        // gold:      S S S R R N
        // predicted: S S R R N N
        let metrics = ClassificationMetrics(
            labels: ["S", "R", "N"], gold: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 2, 2],
            confidence: [0.9, 0.8, 0.6, 0.7, 0.55, 0.95]
        )
        XCTAssertEqual(metrics.accuracy, 4.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(metrics.confusion, [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
        XCTAssertEqual(metrics.perClass["S"]!.precision, 1)
        XCTAssertEqual(metrics.perClass["S"]!.recall, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(metrics.perClass["R"]!.f1, 0.5, accuracy: 1e-12)
        XCTAssertEqual(metrics.perClass["N"]!.f1, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(metrics.macroF1, (0.8 + 0.5 + 2.0 / 3.0) / 3, accuracy: 1e-12)
    }

    func testCalibrationError() {
        // Two bins used: [0.6,0.667): one wrong at 0.6 → gap 0.6; [0.933,1): two right at 0.95 → gap 0.05.
        let ece = ClassificationMetrics.expectedCalibrationError(correct: [false, true, true], confidence: [0.6, 0.95, 0.95], bins: 15)
        XCTAssertEqual(ece, (0.6 + 2 * 0.05) / 3, accuracy: 1e-12)
        XCTAssertEqual(ClassificationMetrics.expectedCalibrationError(correct: [], confidence: [], bins: 15), 0)
    }

    func testStanceLabels() {
        XCTAssertEqual(Stance(label: "entailment"), .supports)
        XCTAssertEqual(Stance(label: "CONTRADICT"), .refutes)
        XCTAssertEqual(Stance(label: "NOT ENOUGH INFO"), .notEnoughInfo)
        XCTAssertNil(Stance(label: "maybe"))
    }
}
