import type { CertificateDetail } from "@aws-sdk/client-acm";
import type { ResourceTagMapping } from "@aws-sdk/client-resource-groups-tagging-api";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

export interface AcmRaw {
  certificates: CertificateDetail[];
  tags: ResourceTagMapping[];
}

export default defineService<AcmRaw>({
  service: "acm",
  global: false,
  operations: [
    { command: "ListCertificates", iam: ["acm:ListCertificates"] },
    { command: "DescribeCertificate", iam: ["acm:DescribeCertificate"] },
    { command: "GetResources", iam: ["tag:GetResources"] },
  ],
  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.ACMClient);
    const tagging = ctx.client(sdk.ResourceGroupsTaggingAPIClient);
    const keyTypes = [
      "RSA_1024",
      "RSA_2048",
      "RSA_3072",
      "RSA_4096",
      "EC_prime256v1",
      "EC_secp384r1",
      "EC_secp521r1",
    ] as const;
    const [summaries, tags] = await Promise.all([
      all(
        sdk.paginateListCertificates({ client, pageSize: 1000 }, { Includes: { keyTypes: [...keyTypes] } }),
        (p) => p.CertificateSummaryList,
      ),
      all(
        sdk.paginateGetResources(
          { client: tagging, pageSize: 100 },
          { ResourceTypeFilters: ["acm:certificate"] },
        ),
        (p) => p.ResourceTagMappingList,
      ),
    ]);
    // SANs, usage and expiry are only in DescribeCertificate: one call per certificate.
    const certificates = await Promise.all(
      summaries.map((s) =>
        client
          .send(new sdk.DescribeCertificateCommand({ CertificateArn: s.CertificateArn }))
          .then((r) => r.Certificate ?? { CertificateArn: s.CertificateArn, DomainName: s.DomainName }),
      ),
    );
    return { certificates, tags };
  },
  normalize: normalizeAcm,
});

export function normalizeAcm(raw: AcmRaw, where: Where) {
  const out = new Collected();
  const tagsByArn = new Map(
    raw.tags.flatMap((t) => (t.ResourceARN ? [[t.ResourceARN, tagsOf(t.Tags)] as const] : [])),
  );
  for (const c of raw.certificates) {
    if (!c.CertificateArn || !c.DomainName) continue;
    const tags = tagsByArn.get(c.CertificateArn) ?? {};
    out.add<ResourceOf<"AWS::CertificateManager::Certificate">>({
      id: c.CertificateArn,
      type: "AWS::CertificateManager::Certificate",
      account: where.account,
      region: where.region,
      name: nameOf(tags, c.DomainName) ?? c.DomainName,
      tags,
      props: {
        domainName: c.DomainName,
        subjectAlternativeNames: c.SubjectAlternativeNames ?? [c.DomainName],
        status: c.Status ?? "ISSUED",
        certificateType: c.Type === "IMPORTED" || c.Type === "PRIVATE" ? c.Type : "AMAZON_ISSUED",
        keyAlgorithm: c.KeyAlgorithm ?? "RSA-2048",
        notAfter: c.NotAfter ? c.NotAfter.toISOString().replace(/\.000Z$/, "Z") : null,
        inUseBy: c.InUseBy ?? [],
      },
    });
  }
  return out.result();
}
