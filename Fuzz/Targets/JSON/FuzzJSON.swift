import FuzzChecks
import FuzzDriver

#if canImport(Glibc)
import Glibc
#endif

/// A libFuzzer program: every input goes through `FuzzCheck.json`; libFuzzer's options
/// (-max_total_time=, a corpus folder) are its arguments.
@main
enum FuzzJSON {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
            FuzzCheck.json.run(data, count)
            return 0
        })
    }
}
