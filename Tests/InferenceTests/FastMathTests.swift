import Foundation
@testable import Inference
import XCTest

/// The vectorisable approximations against libm over the ranges the encoder feeds them.
final class FastMathTests: XCTestCase {
    func testExponentialMatchesLibm() {
        var worst: Float = 0
        for step in 0 ... 100_000 {
            let x = -87 + Float(step) * 0.00087
            worst = max(worst, abs(FastMath.expNonPositive(x) - expf(x)) / expf(x))
        }
        XCTAssertLessThan(worst, 1e-6, "relative error")
        XCTAssertLessThan(FastMath.expNonPositive(-1000), 1e-37, "clamped far below, still ~0")
        XCTAssertEqual(FastMath.expNonPositive(0), 1)
    }

    func testErfAndTanhMatchLibm() {
        var worstErf: Float = 0, worstTanh: Float = 0
        for step in 0 ... 200_000 {
            let x = -10 + Float(step) * 0.0001
            worstErf = max(worstErf, abs(FastMath.erf(x) - erff(x)))
            worstTanh = max(worstTanh, abs(FastMath.tanh(x) - tanhf(x)))
        }
        XCTAssertLessThan(worstErf, 5e-7)
        XCTAssertLessThan(worstTanh, 5e-7)
    }

    func testGELUOnLargeInputsIsExact() {
        var values: [Float] = [-100, -5, 0, 5, 100]
        values.withUnsafeMutableBufferPointer { Activation.gelu.apply($0.baseAddress!, count: $0.count) }
        XCTAssertEqual(values[0], 0, accuracy: 1e-6)
        XCTAssertEqual(values[2], 0)
        XCTAssertEqual(values[3], 5 * 0.5 * (1 + erff(5 / Float(2).squareRoot())), accuracy: 1e-5)
        XCTAssertEqual(values[4], 100)
    }
}
