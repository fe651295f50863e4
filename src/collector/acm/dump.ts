import {
  type CertificateDetail,
  type CertificateSummary,
  DescribeCertificate$,
  ListCertificates$,
} from "@aws-sdk/client-acm";
import {
  type DumpReader,
  dumpReader,
  items,
  TAGGING_FILE,
  taggingFile,
  tagMappings,
  uniqueBy,
} from "../import/dump.ts";
import api, { type AcmRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<AcmRaw>({
  module: api,
  files: {
    "acm-list-certificates": { op: ListCertificates$, list: "CertificateSummaryList" },
    "acm-describe-certificate": { op: DescribeCertificate$ },
    [TAGGING_FILE]: taggingFile,
  },
  required: ["acm-list-certificates", TAGGING_FILE],
  records: {
    "acm-list-certificates": ["AWS::CertificateManager::Certificate"],
    [TAGGING_FILE]: ["AWS::CertificateManager::Certificate.tags"],
  },
  build: (get) => {
    const details = get<{ Certificate?: CertificateDetail }>("acm-describe-certificate").flatMap((r) =>
      r.out.Certificate ? [r.out.Certificate] : [],
    );
    const described = new Set(details.map((d) => d.CertificateArn));
    // A certificate only listed: what the summary says (no in-use list before ACM added InUse).
    const listed = items<CertificateSummary>(get, "acm-list-certificates", "CertificateSummaryList")
      .filter((s) => s.CertificateArn && !described.has(s.CertificateArn))
      .map(
        (s): CertificateDetail => ({
          CertificateArn: s.CertificateArn,
          DomainName: s.DomainName,
          ...(s.SubjectAlternativeNameSummaries
            ? { SubjectAlternativeNames: s.SubjectAlternativeNameSummaries }
            : {}),
          ...(s.Status ? { Status: s.Status } : {}),
          ...(s.Type ? { Type: s.Type } : {}),
          ...(s.KeyAlgorithm ? { KeyAlgorithm: s.KeyAlgorithm } : {}),
          ...(s.NotAfter ? { NotAfter: s.NotAfter } : {}),
        }),
      );
    return {
      raw: {
        certificates: uniqueBy([...details, ...listed], (c) => c.CertificateArn),
        tags: tagMappings(get),
      },
      gaps:
        listed.length > 0
          ? [`${listed.length} certificate(s) only listed, not described: no in-use list`]
          : [],
    };
  },
});

export default dump;
