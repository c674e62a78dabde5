using System.Runtime.Serialization;

namespace AnnotationGate.MSBuild.Reporting;

// The part of the CLI's JSON report (format version 1) that the task logs. The serializer ignores
// the other properties. Collection properties are null when the report leaves them out.

/// <summary>The JSON report that <c>annotationgate run --report-json</c> writes.</summary>
[DataContract]
public sealed class GateReport
{
    [DataMember(Name = "formatVersion")]
    public int FormatVersion { get; set; }

    [DataMember(Name = "gate")]
    public ReportGate? Gate { get; set; }

    /// <summary>Verdict: <c>pass</c>, <c>fail</c> or <c>error</c>.</summary>
    [DataMember(Name = "verdict")]
    public string? Verdict { get; set; }

    [DataMember(Name = "durationMs")]
    public double DurationMs { get; set; }

    [DataMember(Name = "warningsAsErrors")]
    public bool WarningsAsErrors { get; set; }

    [DataMember(Name = "counts")]
    public ReportCounts? Counts { get; set; }

    [DataMember(Name = "findings")]
    public ReportFinding[]? Findings { get; set; }

    [DataMember(Name = "checks")]
    public ReportCheck[]? Checks { get; set; }
}

/// <summary>Name and file of the gate that ran.</summary>
[DataContract]
public sealed class ReportGate
{
    [DataMember(Name = "name")]
    public string? Name { get; set; }

    [DataMember(Name = "file")]
    public string? File { get; set; }
}

/// <summary>Finding counts per severity, including findings that were counted but not kept.</summary>
[DataContract]
public sealed class ReportCounts
{
    [DataMember(Name = "error")]
    public long Error { get; set; }

    [DataMember(Name = "warning")]
    public long Warning { get; set; }

    [DataMember(Name = "notice")]
    public long Notice { get; set; }

    [DataMember(Name = "omitted")]
    public long Omitted { get; set; }
}

/// <summary>One kept finding: rule code, severity, message and location.</summary>
[DataContract]
public sealed class ReportFinding
{
    [DataMember(Name = "code")]
    public string? Code { get; set; }

    /// <summary>Severity: <c>error</c>, <c>warning</c> or <c>notice</c>.</summary>
    [DataMember(Name = "severity")]
    public string? Severity { get; set; }

    [DataMember(Name = "message")]
    public string? Message { get; set; }

    /// <summary>File path, relative to the repository root the gate ran with, or absolute.</summary>
    [DataMember(Name = "file")]
    public string? File { get; set; }

    [DataMember(Name = "line")]
    public int? Line { get; set; }

    [DataMember(Name = "column")]
    public int? Column { get; set; }

    [DataMember(Name = "jsonPointer")]
    public string? JsonPointer { get; set; }

    [DataMember(Name = "recordId")]
    public string? RecordId { get; set; }

    [DataMember(Name = "helpUri")]
    public string? HelpUri { get; set; }
}

/// <summary>Id and status (<c>passed</c>, <c>failed</c> or <c>error</c>) of one check.</summary>
[DataContract]
public sealed class ReportCheck
{
    [DataMember(Name = "id")]
    public string? Id { get; set; }

    [DataMember(Name = "status")]
    public string? Status { get; set; }
}
