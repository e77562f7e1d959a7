import FuzzChecks
import FuzzDriver

#if canImport(Glibc)
import Glibc
#endif

/// A libFuzzer program: every input goes through `FuzzCheck.dot`; libFuzzer's options
/// (-max_total_time=, a corpus folder) are its arguments.
@main
enum FuzzDOT {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
            FuzzCheck.dot.run(data, count)
            return 0
        })
    }
}
