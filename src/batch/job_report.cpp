#include "batch/job_report.h"

#include <fstream>

namespace dw::batch {

std::string format_job_report(const JobReport& report) {
    std::string text = "pages " + std::to_string(report.pages) + "\n";
    for (const auto& f : report.inputs) text += "input " + f + "\n";
    for (const auto& f : report.outputs) text += "output " + f + "\n";
    return text;
}

JobReport read_job_report(const std::string& path) {
    JobReport report;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("pages ", 0) == 0) report.pages = std::atoi(line.c_str() + 6);
        if (line.rfind("input ", 0) == 0) report.inputs.push_back(line.substr(6));
        if (line.rfind("output ", 0) == 0) report.outputs.push_back(line.substr(7));
    }
    return report;
}

}  // namespace dw::batch
