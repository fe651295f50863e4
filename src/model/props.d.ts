import { z } from "zod";
export declare const VpcProps: z.ZodObject<
  {
    vpcId: z.ZodString;
    cidrBlock: z.ZodOptional<z.ZodString>;
    ipv6CidrBlocks: z.ZodArray<z.ZodString>;
    isDefault: z.ZodOptional<z.ZodBoolean>;
  },
  z.core.$strict
>;
export type VpcProps = z.infer<typeof VpcProps>;
export declare const SubnetProps: z.ZodObject<
  {
    subnetId: z.ZodString;
    vpcId: z.ZodString;
    cidrBlock: z.ZodOptional<z.ZodString>;
    ipv6CidrBlock: z.ZodNullable<z.ZodString>;
    availabilityZone: z.ZodOptional<z.ZodString>;
    mapPublicIpOnLaunch: z.ZodOptional<z.ZodBoolean>;
  },
  z.core.$strict
>;
export type SubnetProps = z.infer<typeof SubnetProps>;
export declare const RouteTargetKind: z.ZodEnum<{
  "carrier-gateway": "carrier-gateway";
  "core-network": "core-network";
  "egress-only-internet-gateway": "egress-only-internet-gateway";
  instance: "instance";
  "internet-gateway": "internet-gateway";
  local: "local";
  "local-gateway": "local-gateway";
  "nat-gateway": "nat-gateway";
  "network-interface": "network-interface";
  "transit-gateway": "transit-gateway";
  "virtual-private-gateway": "virtual-private-gateway";
  "vpc-endpoint": "vpc-endpoint";
  "vpc-peering": "vpc-peering";
}>;
export type RouteTargetKind = z.infer<typeof RouteTargetKind>;
export declare const Route: z.ZodObject<
  {
    destinationCidr: z.ZodNullable<z.ZodString>;
    destinationIpv6Cidr: z.ZodNullable<z.ZodString>;
    destinationPrefixListId: z.ZodNullable<z.ZodString>;
    targetKind: z.ZodEnum<{
      "carrier-gateway": "carrier-gateway";
      "core-network": "core-network";
      "egress-only-internet-gateway": "egress-only-internet-gateway";
      instance: "instance";
      "internet-gateway": "internet-gateway";
      local: "local";
      "local-gateway": "local-gateway";
      "nat-gateway": "nat-gateway";
      "network-interface": "network-interface";
      "transit-gateway": "transit-gateway";
      "virtual-private-gateway": "virtual-private-gateway";
      "vpc-endpoint": "vpc-endpoint";
      "vpc-peering": "vpc-peering";
    }>;
    targetId: z.ZodString;
    state: z.ZodEnum<{
      active: "active";
      blackhole: "blackhole";
    }>;
  },
  z.core.$strict
>;
export type Route = z.infer<typeof Route>;
export declare const RouteTableProps: z.ZodObject<
  {
    routeTableId: z.ZodString;
    vpcId: z.ZodString;
    main: z.ZodOptional<z.ZodBoolean>;
    subnetIds: z.ZodArray<z.ZodString>;
    routes: z.ZodArray<
      z.ZodObject<
        {
          destinationCidr: z.ZodNullable<z.ZodString>;
          destinationIpv6Cidr: z.ZodNullable<z.ZodString>;
          destinationPrefixListId: z.ZodNullable<z.ZodString>;
          targetKind: z.ZodEnum<{
            "carrier-gateway": "carrier-gateway";
            "core-network": "core-network";
            "egress-only-internet-gateway": "egress-only-internet-gateway";
            instance: "instance";
            "internet-gateway": "internet-gateway";
            local: "local";
            "local-gateway": "local-gateway";
            "nat-gateway": "nat-gateway";
            "network-interface": "network-interface";
            "transit-gateway": "transit-gateway";
            "virtual-private-gateway": "virtual-private-gateway";
            "vpc-endpoint": "vpc-endpoint";
            "vpc-peering": "vpc-peering";
          }>;
          targetId: z.ZodString;
          state: z.ZodEnum<{
            active: "active";
            blackhole: "blackhole";
          }>;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
export type RouteTableProps = z.infer<typeof RouteTableProps>;
export declare const InternetGatewayProps: z.ZodObject<
  {
    internetGatewayId: z.ZodString;
    vpcIds: z.ZodArray<z.ZodString>;
  },
  z.core.$strict
>;
export declare const NatGatewayProps: z.ZodObject<
  {
    natGatewayId: z.ZodString;
    vpcId: z.ZodString;
    subnetId: z.ZodString;
    connectivityType: z.ZodEnum<{
      private: "private";
      public: "public";
    }>;
    state: z.ZodOptional<z.ZodString>;
    publicIps: z.ZodArray<z.ZodString>;
    networkInterfaceIds: z.ZodArray<z.ZodString>;
  },
  z.core.$strict
>;
export declare const EipProps: z.ZodObject<
  {
    allocationId: z.ZodString;
    publicIp: z.ZodString;
    associationId: z.ZodNullable<z.ZodString>;
    instanceId: z.ZodNullable<z.ZodString>;
    networkInterfaceId: z.ZodNullable<z.ZodString>;
    domain: z.ZodEnum<{
      standard: "standard";
      vpc: "vpc";
    }>;
  },
  z.core.$strict
>;
export declare const SecurityGroupRule: z.ZodObject<
  {
    protocol: z.ZodString;
    fromPort: z.ZodNullable<z.ZodNumber>;
    toPort: z.ZodNullable<z.ZodNumber>;
    ipv4Ranges: z.ZodArray<z.ZodString>;
    ipv6Ranges: z.ZodArray<z.ZodString>;
    groupRefs: z.ZodArray<
      z.ZodObject<
        {
          groupId: z.ZodString;
          account: z.ZodNullable<z.ZodString>;
        },
        z.core.$strict
      >
    >;
    prefixListIds: z.ZodArray<z.ZodString>;
    description: z.ZodNullable<z.ZodString>;
  },
  z.core.$strict
>;
export type SecurityGroupRule = z.infer<typeof SecurityGroupRule>;
export declare const SecurityGroupProps: z.ZodObject<
  {
    groupId: z.ZodString;
    groupName: z.ZodString;
    description: z.ZodString;
    vpcId: z.ZodString;
    ingress: z.ZodOptional<
      z.ZodArray<
        z.ZodObject<
          {
            protocol: z.ZodString;
            fromPort: z.ZodNullable<z.ZodNumber>;
            toPort: z.ZodNullable<z.ZodNumber>;
            ipv4Ranges: z.ZodArray<z.ZodString>;
            ipv6Ranges: z.ZodArray<z.ZodString>;
            groupRefs: z.ZodArray<
              z.ZodObject<
                {
                  groupId: z.ZodString;
                  account: z.ZodNullable<z.ZodString>;
                },
                z.core.$strict
              >
            >;
            prefixListIds: z.ZodArray<z.ZodString>;
            description: z.ZodNullable<z.ZodString>;
          },
          z.core.$strict
        >
      >
    >;
    egress: z.ZodOptional<
      z.ZodArray<
        z.ZodObject<
          {
            protocol: z.ZodString;
            fromPort: z.ZodNullable<z.ZodNumber>;
            toPort: z.ZodNullable<z.ZodNumber>;
            ipv4Ranges: z.ZodArray<z.ZodString>;
            ipv6Ranges: z.ZodArray<z.ZodString>;
            groupRefs: z.ZodArray<
              z.ZodObject<
                {
                  groupId: z.ZodString;
                  account: z.ZodNullable<z.ZodString>;
                },
                z.core.$strict
              >
            >;
            prefixListIds: z.ZodArray<z.ZodString>;
            description: z.ZodNullable<z.ZodString>;
          },
          z.core.$strict
        >
      >
    >;
  },
  z.core.$strict
>;
export type SecurityGroupProps = z.infer<typeof SecurityGroupProps>;
export declare const NetworkAclEntry: z.ZodObject<
  {
    ruleNumber: z.ZodNumber;
    egress: z.ZodBoolean;
    protocol: z.ZodString;
    ruleAction: z.ZodEnum<{
      allow: "allow";
      deny: "deny";
    }>;
    cidrBlock: z.ZodNullable<z.ZodString>;
    ipv6CidrBlock: z.ZodNullable<z.ZodString>;
    fromPort: z.ZodNullable<z.ZodNumber>;
    toPort: z.ZodNullable<z.ZodNumber>;
  },
  z.core.$strict
>;
export type NetworkAclEntry = z.infer<typeof NetworkAclEntry>;
export declare const NetworkAclProps: z.ZodObject<
  {
    networkAclId: z.ZodString;
    vpcId: z.ZodString;
    isDefault: z.ZodOptional<z.ZodBoolean>;
    subnetIds: z.ZodArray<z.ZodString>;
    entries: z.ZodOptional<
      z.ZodArray<
        z.ZodObject<
          {
            ruleNumber: z.ZodNumber;
            egress: z.ZodBoolean;
            protocol: z.ZodString;
            ruleAction: z.ZodEnum<{
              allow: "allow";
              deny: "deny";
            }>;
            cidrBlock: z.ZodNullable<z.ZodString>;
            ipv6CidrBlock: z.ZodNullable<z.ZodString>;
            fromPort: z.ZodNullable<z.ZodNumber>;
            toPort: z.ZodNullable<z.ZodNumber>;
          },
          z.core.$strict
        >
      >
    >;
  },
  z.core.$strict
>;
export type NetworkAclProps = z.infer<typeof NetworkAclProps>;
export declare const NetworkInterfaceProps: z.ZodObject<
  {
    networkInterfaceId: z.ZodString;
    vpcId: z.ZodString;
    subnetId: z.ZodString;
    availabilityZone: z.ZodOptional<z.ZodString>;
    interfaceType: z.ZodString;
    description: z.ZodString;
    privateIpAddresses: z.ZodArray<z.ZodString>;
    publicIp: z.ZodNullable<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    attachedTo: z.ZodNullable<z.ZodString>;
    requesterManaged: z.ZodBoolean;
  },
  z.core.$strict
>;
export declare const InstanceProps: z.ZodObject<
  {
    instanceId: z.ZodString;
    instanceType: z.ZodOptional<z.ZodString>;
    imageId: z.ZodOptional<z.ZodString>;
    state: z.ZodOptional<z.ZodString>;
    vpcId: z.ZodNullable<z.ZodString>;
    subnetId: z.ZodNullable<z.ZodString>;
    availabilityZone: z.ZodOptional<z.ZodString>;
    privateIp: z.ZodNullable<z.ZodString>;
    publicIp: z.ZodNullable<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    networkInterfaceIds: z.ZodArray<z.ZodString>;
    iamInstanceProfileArn: z.ZodNullable<z.ZodString>;
    httpTokens: z.ZodOptional<
      z.ZodEnum<{
        optional: "optional";
        required: "required";
      }>
    >;
    httpEndpoint: z.ZodOptional<
      z.ZodEnum<{
        disabled: "disabled";
        enabled: "enabled";
      }>
    >;
  },
  z.core.$strict
>;
export type InstanceProps = z.infer<typeof InstanceProps>;
export declare const LoadBalancerProps: z.ZodObject<
  {
    name: z.ZodString;
    loadBalancerType: z.ZodEnum<{
      application: "application";
      gateway: "gateway";
      network: "network";
    }>;
    scheme: z.ZodEnum<{
      internal: "internal";
      "internet-facing": "internet-facing";
    }>;
    vpcId: z.ZodString;
    subnetIds: z.ZodArray<z.ZodString>;
    availabilityZones: z.ZodArray<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    dnsName: z.ZodString;
    ipAddressType: z.ZodString;
  },
  z.core.$strict
>;
export type LoadBalancerProps = z.infer<typeof LoadBalancerProps>;
export declare const ListenerAction: z.ZodObject<
  {
    type: z.ZodEnum<{
      "authenticate-cognito": "authenticate-cognito";
      "authenticate-oidc": "authenticate-oidc";
      "fixed-response": "fixed-response";
      forward: "forward";
      redirect: "redirect";
    }>;
    targetGroupArns: z.ZodArray<z.ZodString>;
    redirect: z.ZodNullable<
      z.ZodObject<
        {
          protocol: z.ZodString;
          port: z.ZodString;
          statusCode: z.ZodEnum<{
            HTTP_301: "HTTP_301";
            HTTP_302: "HTTP_302";
          }>;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
export declare const ListenerProps: z.ZodObject<
  {
    loadBalancerArn: z.ZodString;
    protocol: z.ZodEnum<{
      GENEVE: "GENEVE";
      HTTP: "HTTP";
      HTTPS: "HTTPS";
      TCP: "TCP";
      TCP_UDP: "TCP_UDP";
      TLS: "TLS";
      UDP: "UDP";
    }>;
    port: z.ZodNumber;
    certificateArns: z.ZodArray<z.ZodString>;
    sslPolicy: z.ZodNullable<z.ZodString>;
    defaultActions: z.ZodArray<
      z.ZodObject<
        {
          type: z.ZodEnum<{
            "authenticate-cognito": "authenticate-cognito";
            "authenticate-oidc": "authenticate-oidc";
            "fixed-response": "fixed-response";
            forward: "forward";
            redirect: "redirect";
          }>;
          targetGroupArns: z.ZodArray<z.ZodString>;
          redirect: z.ZodNullable<
            z.ZodObject<
              {
                protocol: z.ZodString;
                port: z.ZodString;
                statusCode: z.ZodEnum<{
                  HTTP_301: "HTTP_301";
                  HTTP_302: "HTTP_302";
                }>;
              },
              z.core.$strict
            >
          >;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
export type ListenerProps = z.infer<typeof ListenerProps>;
export declare const TargetGroupProps: z.ZodObject<
  {
    name: z.ZodString;
    protocol: z.ZodNullable<z.ZodString>;
    port: z.ZodNullable<z.ZodNumber>;
    targetType: z.ZodEnum<{
      alb: "alb";
      instance: "instance";
      ip: "ip";
      lambda: "lambda";
    }>;
    vpcId: z.ZodNullable<z.ZodString>;
    loadBalancerArns: z.ZodArray<z.ZodString>;
    targets: z.ZodOptional<
      z.ZodArray<
        z.ZodObject<
          {
            id: z.ZodString;
            port: z.ZodNullable<z.ZodNumber>;
            availabilityZone: z.ZodNullable<z.ZodString>;
          },
          z.core.$strict
        >
      >
    >;
  },
  z.core.$strict
>;
export declare const WebAclProps: z.ZodObject<
  {
    webAclId: z.ZodString;
    scope: z.ZodEnum<{
      CLOUDFRONT: "CLOUDFRONT";
      REGIONAL: "REGIONAL";
    }>;
    defaultAction: z.ZodOptional<
      z.ZodEnum<{
        allow: "allow";
        block: "block";
      }>
    >;
    ruleNames: z.ZodArray<z.ZodString>;
    associatedResourceArns: z.ZodOptional<z.ZodArray<z.ZodString>>;
  },
  z.core.$strict
>;
export declare const DbInstanceProps: z.ZodObject<
  {
    dbInstanceIdentifier: z.ZodString;
    engine: z.ZodString;
    engineVersion: z.ZodString;
    instanceClass: z.ZodString;
    dbClusterIdentifier: z.ZodNullable<z.ZodString>;
    publiclyAccessible: z.ZodOptional<z.ZodBoolean>;
    multiAz: z.ZodOptional<z.ZodBoolean>;
    storageEncrypted: z.ZodOptional<z.ZodBoolean>;
    availabilityZone: z.ZodNullable<z.ZodString>;
    vpcId: z.ZodNullable<z.ZodString>;
    subnetIds: z.ZodArray<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    endpoint: z.ZodNullable<
      z.ZodObject<
        {
          address: z.ZodString;
          port: z.ZodNumber;
        },
        z.core.$strict
      >
    >;
    backupRetentionPeriod: z.ZodOptional<z.ZodNumber>;
    deletionProtection: z.ZodOptional<z.ZodBoolean>;
  },
  z.core.$strict
>;
export type DbInstanceProps = z.infer<typeof DbInstanceProps>;
export declare const DbClusterProps: z.ZodObject<
  {
    dbClusterIdentifier: z.ZodString;
    engine: z.ZodString;
    engineVersion: z.ZodString;
    multiAz: z.ZodOptional<z.ZodBoolean>;
    storageEncrypted: z.ZodOptional<z.ZodBoolean>;
    publiclyAccessible: z.ZodNullable<z.ZodBoolean>;
    availabilityZones: z.ZodArray<z.ZodString>;
    vpcId: z.ZodNullable<z.ZodString>;
    subnetIds: z.ZodArray<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    endpoint: z.ZodNullable<
      z.ZodObject<
        {
          address: z.ZodString;
          port: z.ZodNumber;
        },
        z.core.$strict
      >
    >;
    memberInstanceIds: z.ZodArray<z.ZodString>;
    backupRetentionPeriod: z.ZodOptional<z.ZodNumber>;
    deletionProtection: z.ZodOptional<z.ZodBoolean>;
  },
  z.core.$strict
>;
export declare const DbProxyProps: z.ZodObject<
  {
    dbProxyName: z.ZodString;
    engineFamily: z.ZodString;
    requireTls: z.ZodBoolean;
    vpcId: z.ZodString;
    subnetIds: z.ZodArray<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    endpoint: z.ZodNullable<z.ZodString>;
    targetIds: z.ZodArray<z.ZodString>;
  },
  z.core.$strict
>;
export declare const CacheClusterProps: z.ZodObject<
  {
    cacheClusterId: z.ZodString;
    engine: z.ZodString;
    engineVersion: z.ZodString;
    cacheNodeType: z.ZodString;
    numCacheNodes: z.ZodNumber;
    replicationGroupId: z.ZodNullable<z.ZodString>;
    preferredAvailabilityZone: z.ZodNullable<z.ZodString>;
    vpcId: z.ZodNullable<z.ZodString>;
    subnetIds: z.ZodArray<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    port: z.ZodNullable<z.ZodNumber>;
    atRestEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
    transitEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
  },
  z.core.$strict
>;
export declare const ReplicationGroupProps: z.ZodObject<
  {
    replicationGroupId: z.ZodString;
    description: z.ZodString;
    memberClusterIds: z.ZodArray<z.ZodString>;
    automaticFailover: z.ZodOptional<
      z.ZodEnum<{
        disabled: "disabled";
        disabling: "disabling";
        enabled: "enabled";
        enabling: "enabling";
      }>
    >;
    multiAz: z.ZodOptional<z.ZodBoolean>;
    atRestEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
    transitEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
    port: z.ZodNullable<z.ZodNumber>;
  },
  z.core.$strict
>;
export declare const BucketProps: z.ZodObject<
  {
    bucketName: z.ZodString;
    publicAccessBlock: z.ZodOptional<
      z.ZodNullable<
        z.ZodObject<
          {
            blockPublicAcls: z.ZodBoolean;
            ignorePublicAcls: z.ZodBoolean;
            blockPublicPolicy: z.ZodBoolean;
            restrictPublicBuckets: z.ZodBoolean;
          },
          z.core.$strict
        >
      >
    >;
    encryption: z.ZodOptional<
      z.ZodNullable<
        z.ZodObject<
          {
            algorithm: z.ZodEnum<{
              AES256: "AES256";
              "aws:kms": "aws:kms";
              "aws:kms:dsse": "aws:kms:dsse";
            }>;
            kmsKeyId: z.ZodNullable<z.ZodString>;
          },
          z.core.$strict
        >
      >
    >;
    versioning: z.ZodOptional<
      z.ZodEnum<{
        Disabled: "Disabled";
        Enabled: "Enabled";
        Suspended: "Suspended";
      }>
    >;
    policyIsPublic: z.ZodNullable<z.ZodBoolean>;
    websiteHosting: z.ZodOptional<z.ZodBoolean>;
  },
  z.core.$strict
>;
export type BucketProps = z.infer<typeof BucketProps>;
export declare const DistributionProps: z.ZodObject<
  {
    distributionId: z.ZodString;
    domainName: z.ZodString;
    aliases: z.ZodArray<z.ZodString>;
    enabled: z.ZodBoolean;
    webAclId: z.ZodNullable<z.ZodString>;
    viewerProtocolPolicy: z.ZodOptional<
      z.ZodEnum<{
        "allow-all": "allow-all";
        "https-only": "https-only";
        "redirect-to-https": "redirect-to-https";
      }>
    >;
    minimumProtocolVersion: z.ZodNullable<z.ZodString>;
    certificateArn: z.ZodNullable<z.ZodString>;
    origins: z.ZodArray<
      z.ZodObject<
        {
          originId: z.ZodString;
          domainName: z.ZodString;
          kind: z.ZodEnum<{
            custom: "custom";
            s3: "s3";
          }>;
          originAccessControlId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
          originAccessIdentity: z.ZodNullable<z.ZodString>;
          originProtocolPolicy: z.ZodNullable<
            z.ZodEnum<{
              "http-only": "http-only";
              "https-only": "https-only";
              "match-viewer": "match-viewer";
            }>
          >;
        },
        z.core.$strict
      >
    >;
    lambdaEdgeArns: z.ZodArray<z.ZodString>;
  },
  z.core.$strict
>;
export declare const HostedZoneProps: z.ZodObject<
  {
    hostedZoneId: z.ZodString;
    zoneName: z.ZodString;
    privateZone: z.ZodBoolean;
    vpcIds: z.ZodArray<z.ZodString>;
    recordCount: z.ZodNumber;
  },
  z.core.$strict
>;
export declare const RecordSetProps: z.ZodObject<
  {
    hostedZoneId: z.ZodString;
    recordName: z.ZodString;
    recordType: z.ZodString;
    ttl: z.ZodNullable<z.ZodNumber>;
    values: z.ZodArray<z.ZodString>;
    aliasTarget: z.ZodNullable<
      z.ZodObject<
        {
          dnsName: z.ZodString;
          hostedZoneId: z.ZodString;
          evaluateTargetHealth: z.ZodBoolean;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
export declare const CertificateProps: z.ZodObject<
  {
    domainName: z.ZodString;
    subjectAlternativeNames: z.ZodArray<z.ZodString>;
    status: z.ZodString;
    certificateType: z.ZodEnum<{
      AMAZON_ISSUED: "AMAZON_ISSUED";
      IMPORTED: "IMPORTED";
      PRIVATE: "PRIVATE";
    }>;
    keyAlgorithm: z.ZodString;
    notAfter: z.ZodNullable<z.ZodString>;
    inUseBy: z.ZodArray<z.ZodString>;
  },
  z.core.$strict
>;
export declare const AutoScalingGroupProps: z.ZodObject<
  {
    autoScalingGroupName: z.ZodString;
    minSize: z.ZodNumber;
    maxSize: z.ZodNumber;
    desiredCapacity: z.ZodNumber;
    availabilityZones: z.ZodArray<z.ZodString>;
    subnetIds: z.ZodArray<z.ZodString>;
    instanceIds: z.ZodArray<z.ZodString>;
    targetGroupArns: z.ZodArray<z.ZodString>;
    launchTemplate: z.ZodNullable<z.ZodString>;
    healthCheckType: z.ZodString;
  },
  z.core.$strict
>;
export declare const EcsClusterProps: z.ZodObject<
  {
    clusterName: z.ZodString;
    status: z.ZodString;
    capacityProviders: z.ZodArray<z.ZodString>;
    containerInsights: z.ZodBoolean;
  },
  z.core.$strict
>;
export declare const EcsServiceProps: z.ZodObject<
  {
    serviceName: z.ZodString;
    clusterArn: z.ZodString;
    launchType: z.ZodNullable<
      z.ZodEnum<{
        EC2: "EC2";
        EXTERNAL: "EXTERNAL";
        FARGATE: "FARGATE";
      }>
    >;
    desiredCount: z.ZodNumber;
    runningCount: z.ZodNumber;
    taskDefinitionArn: z.ZodString;
    networkConfiguration: z.ZodNullable<
      z.ZodObject<
        {
          subnetIds: z.ZodArray<z.ZodString>;
          securityGroupIds: z.ZodArray<z.ZodString>;
          assignPublicIp: z.ZodBoolean;
        },
        z.core.$strict
      >
    >;
    loadBalancers: z.ZodArray<
      z.ZodObject<
        {
          targetGroupArn: z.ZodString;
          containerName: z.ZodString;
          containerPort: z.ZodNumber;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
export declare const LambdaFunctionProps: z.ZodObject<
  {
    functionName: z.ZodString;
    runtime: z.ZodNullable<z.ZodString>;
    packageType: z.ZodEnum<{
      Image: "Image";
      Zip: "Zip";
    }>;
    roleArn: z.ZodString;
    architectures: z.ZodArray<z.ZodString>;
    vpcConfig: z.ZodNullable<
      z.ZodObject<
        {
          vpcId: z.ZodString;
          subnetIds: z.ZodArray<z.ZodString>;
          securityGroupIds: z.ZodArray<z.ZodString>;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
export declare const VpcPeeringProps: z.ZodObject<
  {
    vpcPeeringConnectionId: z.ZodString;
    status: z.ZodString;
    requester: z.ZodObject<
      {
        vpcId: z.ZodString;
        account: z.ZodString;
        region: z.ZodString;
        cidrBlock: z.ZodNullable<z.ZodString>;
      },
      z.core.$strict
    >;
    accepter: z.ZodObject<
      {
        vpcId: z.ZodString;
        account: z.ZodString;
        region: z.ZodString;
        cidrBlock: z.ZodNullable<z.ZodString>;
      },
      z.core.$strict
    >;
  },
  z.core.$strict
>;
export declare const VpcEndpointProps: z.ZodObject<
  {
    vpcEndpointId: z.ZodString;
    vpcId: z.ZodString;
    serviceName: z.ZodString;
    endpointType: z.ZodEnum<{
      Gateway: "Gateway";
      GatewayLoadBalancer: "GatewayLoadBalancer";
      Interface: "Interface";
    }>;
    state: z.ZodString;
    subnetIds: z.ZodArray<z.ZodString>;
    securityGroupIds: z.ZodArray<z.ZodString>;
    routeTableIds: z.ZodArray<z.ZodString>;
    privateDnsEnabled: z.ZodBoolean;
  },
  z.core.$strict
>;
export declare const TransitGatewayAttachmentProps: z.ZodObject<
  {
    transitGatewayAttachmentId: z.ZodString;
    transitGatewayId: z.ZodString;
    resourceType: z.ZodString;
    resourceId: z.ZodString;
    state: z.ZodString;
  },
  z.core.$strict
>;
export declare const FlowLogProps: z.ZodObject<
  {
    flowLogId: z.ZodString;
    resourceId: z.ZodString;
    trafficType: z.ZodEnum<{
      ACCEPT: "ACCEPT";
      ALL: "ALL";
      REJECT: "REJECT";
    }>;
    logDestinationType: z.ZodString;
    status: z.ZodString;
  },
  z.core.$strict
>;
export declare const VolumeProps: z.ZodObject<
  {
    volumeId: z.ZodString;
    availabilityZone: z.ZodString;
    sizeGiB: z.ZodOptional<z.ZodNumber>;
    volumeType: z.ZodOptional<z.ZodString>;
    encrypted: z.ZodOptional<z.ZodBoolean>;
    kmsKeyId: z.ZodNullable<z.ZodString>;
    state: z.ZodString;
    attachments: z.ZodArray<
      z.ZodObject<
        {
          instanceId: z.ZodString;
          device: z.ZodString;
        },
        z.core.$strict
      >
    >;
  },
  z.core.$strict
>;
/** The props schema of every modelled type. Any other type is kept with generic props. */
export declare const PROPS_BY_TYPE: {
  readonly "AWS::EC2::VPC": z.ZodObject<
    {
      vpcId: z.ZodString;
      cidrBlock: z.ZodOptional<z.ZodString>;
      ipv6CidrBlocks: z.ZodArray<z.ZodString>;
      isDefault: z.ZodOptional<z.ZodBoolean>;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::Subnet": z.ZodObject<
    {
      subnetId: z.ZodString;
      vpcId: z.ZodString;
      cidrBlock: z.ZodOptional<z.ZodString>;
      ipv6CidrBlock: z.ZodNullable<z.ZodString>;
      availabilityZone: z.ZodOptional<z.ZodString>;
      mapPublicIpOnLaunch: z.ZodOptional<z.ZodBoolean>;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::RouteTable": z.ZodObject<
    {
      routeTableId: z.ZodString;
      vpcId: z.ZodString;
      main: z.ZodOptional<z.ZodBoolean>;
      subnetIds: z.ZodArray<z.ZodString>;
      routes: z.ZodArray<
        z.ZodObject<
          {
            destinationCidr: z.ZodNullable<z.ZodString>;
            destinationIpv6Cidr: z.ZodNullable<z.ZodString>;
            destinationPrefixListId: z.ZodNullable<z.ZodString>;
            targetKind: z.ZodEnum<{
              "carrier-gateway": "carrier-gateway";
              "core-network": "core-network";
              "egress-only-internet-gateway": "egress-only-internet-gateway";
              instance: "instance";
              "internet-gateway": "internet-gateway";
              local: "local";
              "local-gateway": "local-gateway";
              "nat-gateway": "nat-gateway";
              "network-interface": "network-interface";
              "transit-gateway": "transit-gateway";
              "virtual-private-gateway": "virtual-private-gateway";
              "vpc-endpoint": "vpc-endpoint";
              "vpc-peering": "vpc-peering";
            }>;
            targetId: z.ZodString;
            state: z.ZodEnum<{
              active: "active";
              blackhole: "blackhole";
            }>;
          },
          z.core.$strict
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::InternetGateway": z.ZodObject<
    {
      internetGatewayId: z.ZodString;
      vpcIds: z.ZodArray<z.ZodString>;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::NatGateway": z.ZodObject<
    {
      natGatewayId: z.ZodString;
      vpcId: z.ZodString;
      subnetId: z.ZodString;
      connectivityType: z.ZodEnum<{
        private: "private";
        public: "public";
      }>;
      state: z.ZodOptional<z.ZodString>;
      publicIps: z.ZodArray<z.ZodString>;
      networkInterfaceIds: z.ZodArray<z.ZodString>;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::EIP": z.ZodObject<
    {
      allocationId: z.ZodString;
      publicIp: z.ZodString;
      associationId: z.ZodNullable<z.ZodString>;
      instanceId: z.ZodNullable<z.ZodString>;
      networkInterfaceId: z.ZodNullable<z.ZodString>;
      domain: z.ZodEnum<{
        standard: "standard";
        vpc: "vpc";
      }>;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::SecurityGroup": z.ZodObject<
    {
      groupId: z.ZodString;
      groupName: z.ZodString;
      description: z.ZodString;
      vpcId: z.ZodString;
      ingress: z.ZodOptional<
        z.ZodArray<
          z.ZodObject<
            {
              protocol: z.ZodString;
              fromPort: z.ZodNullable<z.ZodNumber>;
              toPort: z.ZodNullable<z.ZodNumber>;
              ipv4Ranges: z.ZodArray<z.ZodString>;
              ipv6Ranges: z.ZodArray<z.ZodString>;
              groupRefs: z.ZodArray<
                z.ZodObject<
                  {
                    groupId: z.ZodString;
                    account: z.ZodNullable<z.ZodString>;
                  },
                  z.core.$strict
                >
              >;
              prefixListIds: z.ZodArray<z.ZodString>;
              description: z.ZodNullable<z.ZodString>;
            },
            z.core.$strict
          >
        >
      >;
      egress: z.ZodOptional<
        z.ZodArray<
          z.ZodObject<
            {
              protocol: z.ZodString;
              fromPort: z.ZodNullable<z.ZodNumber>;
              toPort: z.ZodNullable<z.ZodNumber>;
              ipv4Ranges: z.ZodArray<z.ZodString>;
              ipv6Ranges: z.ZodArray<z.ZodString>;
              groupRefs: z.ZodArray<
                z.ZodObject<
                  {
                    groupId: z.ZodString;
                    account: z.ZodNullable<z.ZodString>;
                  },
                  z.core.$strict
                >
              >;
              prefixListIds: z.ZodArray<z.ZodString>;
              description: z.ZodNullable<z.ZodString>;
            },
            z.core.$strict
          >
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::NetworkAcl": z.ZodObject<
    {
      networkAclId: z.ZodString;
      vpcId: z.ZodString;
      isDefault: z.ZodOptional<z.ZodBoolean>;
      subnetIds: z.ZodArray<z.ZodString>;
      entries: z.ZodOptional<
        z.ZodArray<
          z.ZodObject<
            {
              ruleNumber: z.ZodNumber;
              egress: z.ZodBoolean;
              protocol: z.ZodString;
              ruleAction: z.ZodEnum<{
                allow: "allow";
                deny: "deny";
              }>;
              cidrBlock: z.ZodNullable<z.ZodString>;
              ipv6CidrBlock: z.ZodNullable<z.ZodString>;
              fromPort: z.ZodNullable<z.ZodNumber>;
              toPort: z.ZodNullable<z.ZodNumber>;
            },
            z.core.$strict
          >
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::NetworkInterface": z.ZodObject<
    {
      networkInterfaceId: z.ZodString;
      vpcId: z.ZodString;
      subnetId: z.ZodString;
      availabilityZone: z.ZodOptional<z.ZodString>;
      interfaceType: z.ZodString;
      description: z.ZodString;
      privateIpAddresses: z.ZodArray<z.ZodString>;
      publicIp: z.ZodNullable<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      attachedTo: z.ZodNullable<z.ZodString>;
      requesterManaged: z.ZodBoolean;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::Instance": z.ZodObject<
    {
      instanceId: z.ZodString;
      instanceType: z.ZodOptional<z.ZodString>;
      imageId: z.ZodOptional<z.ZodString>;
      state: z.ZodOptional<z.ZodString>;
      vpcId: z.ZodNullable<z.ZodString>;
      subnetId: z.ZodNullable<z.ZodString>;
      availabilityZone: z.ZodOptional<z.ZodString>;
      privateIp: z.ZodNullable<z.ZodString>;
      publicIp: z.ZodNullable<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      networkInterfaceIds: z.ZodArray<z.ZodString>;
      iamInstanceProfileArn: z.ZodNullable<z.ZodString>;
      httpTokens: z.ZodOptional<
        z.ZodEnum<{
          optional: "optional";
          required: "required";
        }>
      >;
      httpEndpoint: z.ZodOptional<
        z.ZodEnum<{
          disabled: "disabled";
          enabled: "enabled";
        }>
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::VPCPeeringConnection": z.ZodObject<
    {
      vpcPeeringConnectionId: z.ZodString;
      status: z.ZodString;
      requester: z.ZodObject<
        {
          vpcId: z.ZodString;
          account: z.ZodString;
          region: z.ZodString;
          cidrBlock: z.ZodNullable<z.ZodString>;
        },
        z.core.$strict
      >;
      accepter: z.ZodObject<
        {
          vpcId: z.ZodString;
          account: z.ZodString;
          region: z.ZodString;
          cidrBlock: z.ZodNullable<z.ZodString>;
        },
        z.core.$strict
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::VPCEndpoint": z.ZodObject<
    {
      vpcEndpointId: z.ZodString;
      vpcId: z.ZodString;
      serviceName: z.ZodString;
      endpointType: z.ZodEnum<{
        Gateway: "Gateway";
        GatewayLoadBalancer: "GatewayLoadBalancer";
        Interface: "Interface";
      }>;
      state: z.ZodString;
      subnetIds: z.ZodArray<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      routeTableIds: z.ZodArray<z.ZodString>;
      privateDnsEnabled: z.ZodBoolean;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::TransitGatewayAttachment": z.ZodObject<
    {
      transitGatewayAttachmentId: z.ZodString;
      transitGatewayId: z.ZodString;
      resourceType: z.ZodString;
      resourceId: z.ZodString;
      state: z.ZodString;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::FlowLog": z.ZodObject<
    {
      flowLogId: z.ZodString;
      resourceId: z.ZodString;
      trafficType: z.ZodEnum<{
        ACCEPT: "ACCEPT";
        ALL: "ALL";
        REJECT: "REJECT";
      }>;
      logDestinationType: z.ZodString;
      status: z.ZodString;
    },
    z.core.$strict
  >;
  readonly "AWS::EC2::Volume": z.ZodObject<
    {
      volumeId: z.ZodString;
      availabilityZone: z.ZodString;
      sizeGiB: z.ZodOptional<z.ZodNumber>;
      volumeType: z.ZodOptional<z.ZodString>;
      encrypted: z.ZodOptional<z.ZodBoolean>;
      kmsKeyId: z.ZodNullable<z.ZodString>;
      state: z.ZodString;
      attachments: z.ZodArray<
        z.ZodObject<
          {
            instanceId: z.ZodString;
            device: z.ZodString;
          },
          z.core.$strict
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::ElasticLoadBalancingV2::LoadBalancer": z.ZodObject<
    {
      name: z.ZodString;
      loadBalancerType: z.ZodEnum<{
        application: "application";
        gateway: "gateway";
        network: "network";
      }>;
      scheme: z.ZodEnum<{
        internal: "internal";
        "internet-facing": "internet-facing";
      }>;
      vpcId: z.ZodString;
      subnetIds: z.ZodArray<z.ZodString>;
      availabilityZones: z.ZodArray<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      dnsName: z.ZodString;
      ipAddressType: z.ZodString;
    },
    z.core.$strict
  >;
  readonly "AWS::ElasticLoadBalancingV2::Listener": z.ZodObject<
    {
      loadBalancerArn: z.ZodString;
      protocol: z.ZodEnum<{
        GENEVE: "GENEVE";
        HTTP: "HTTP";
        HTTPS: "HTTPS";
        TCP: "TCP";
        TCP_UDP: "TCP_UDP";
        TLS: "TLS";
        UDP: "UDP";
      }>;
      port: z.ZodNumber;
      certificateArns: z.ZodArray<z.ZodString>;
      sslPolicy: z.ZodNullable<z.ZodString>;
      defaultActions: z.ZodArray<
        z.ZodObject<
          {
            type: z.ZodEnum<{
              "authenticate-cognito": "authenticate-cognito";
              "authenticate-oidc": "authenticate-oidc";
              "fixed-response": "fixed-response";
              forward: "forward";
              redirect: "redirect";
            }>;
            targetGroupArns: z.ZodArray<z.ZodString>;
            redirect: z.ZodNullable<
              z.ZodObject<
                {
                  protocol: z.ZodString;
                  port: z.ZodString;
                  statusCode: z.ZodEnum<{
                    HTTP_301: "HTTP_301";
                    HTTP_302: "HTTP_302";
                  }>;
                },
                z.core.$strict
              >
            >;
          },
          z.core.$strict
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::ElasticLoadBalancingV2::TargetGroup": z.ZodObject<
    {
      name: z.ZodString;
      protocol: z.ZodNullable<z.ZodString>;
      port: z.ZodNullable<z.ZodNumber>;
      targetType: z.ZodEnum<{
        alb: "alb";
        instance: "instance";
        ip: "ip";
        lambda: "lambda";
      }>;
      vpcId: z.ZodNullable<z.ZodString>;
      loadBalancerArns: z.ZodArray<z.ZodString>;
      targets: z.ZodOptional<
        z.ZodArray<
          z.ZodObject<
            {
              id: z.ZodString;
              port: z.ZodNullable<z.ZodNumber>;
              availabilityZone: z.ZodNullable<z.ZodString>;
            },
            z.core.$strict
          >
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::WAFv2::WebACL": z.ZodObject<
    {
      webAclId: z.ZodString;
      scope: z.ZodEnum<{
        CLOUDFRONT: "CLOUDFRONT";
        REGIONAL: "REGIONAL";
      }>;
      defaultAction: z.ZodOptional<
        z.ZodEnum<{
          allow: "allow";
          block: "block";
        }>
      >;
      ruleNames: z.ZodArray<z.ZodString>;
      associatedResourceArns: z.ZodOptional<z.ZodArray<z.ZodString>>;
    },
    z.core.$strict
  >;
  readonly "AWS::RDS::DBInstance": z.ZodObject<
    {
      dbInstanceIdentifier: z.ZodString;
      engine: z.ZodString;
      engineVersion: z.ZodString;
      instanceClass: z.ZodString;
      dbClusterIdentifier: z.ZodNullable<z.ZodString>;
      publiclyAccessible: z.ZodOptional<z.ZodBoolean>;
      multiAz: z.ZodOptional<z.ZodBoolean>;
      storageEncrypted: z.ZodOptional<z.ZodBoolean>;
      availabilityZone: z.ZodNullable<z.ZodString>;
      vpcId: z.ZodNullable<z.ZodString>;
      subnetIds: z.ZodArray<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      endpoint: z.ZodNullable<
        z.ZodObject<
          {
            address: z.ZodString;
            port: z.ZodNumber;
          },
          z.core.$strict
        >
      >;
      backupRetentionPeriod: z.ZodOptional<z.ZodNumber>;
      deletionProtection: z.ZodOptional<z.ZodBoolean>;
    },
    z.core.$strict
  >;
  readonly "AWS::RDS::DBCluster": z.ZodObject<
    {
      dbClusterIdentifier: z.ZodString;
      engine: z.ZodString;
      engineVersion: z.ZodString;
      multiAz: z.ZodOptional<z.ZodBoolean>;
      storageEncrypted: z.ZodOptional<z.ZodBoolean>;
      publiclyAccessible: z.ZodNullable<z.ZodBoolean>;
      availabilityZones: z.ZodArray<z.ZodString>;
      vpcId: z.ZodNullable<z.ZodString>;
      subnetIds: z.ZodArray<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      endpoint: z.ZodNullable<
        z.ZodObject<
          {
            address: z.ZodString;
            port: z.ZodNumber;
          },
          z.core.$strict
        >
      >;
      memberInstanceIds: z.ZodArray<z.ZodString>;
      backupRetentionPeriod: z.ZodOptional<z.ZodNumber>;
      deletionProtection: z.ZodOptional<z.ZodBoolean>;
    },
    z.core.$strict
  >;
  readonly "AWS::RDS::DBProxy": z.ZodObject<
    {
      dbProxyName: z.ZodString;
      engineFamily: z.ZodString;
      requireTls: z.ZodBoolean;
      vpcId: z.ZodString;
      subnetIds: z.ZodArray<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      endpoint: z.ZodNullable<z.ZodString>;
      targetIds: z.ZodArray<z.ZodString>;
    },
    z.core.$strict
  >;
  readonly "AWS::ElastiCache::CacheCluster": z.ZodObject<
    {
      cacheClusterId: z.ZodString;
      engine: z.ZodString;
      engineVersion: z.ZodString;
      cacheNodeType: z.ZodString;
      numCacheNodes: z.ZodNumber;
      replicationGroupId: z.ZodNullable<z.ZodString>;
      preferredAvailabilityZone: z.ZodNullable<z.ZodString>;
      vpcId: z.ZodNullable<z.ZodString>;
      subnetIds: z.ZodArray<z.ZodString>;
      securityGroupIds: z.ZodArray<z.ZodString>;
      port: z.ZodNullable<z.ZodNumber>;
      atRestEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
      transitEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
    },
    z.core.$strict
  >;
  readonly "AWS::ElastiCache::ReplicationGroup": z.ZodObject<
    {
      replicationGroupId: z.ZodString;
      description: z.ZodString;
      memberClusterIds: z.ZodArray<z.ZodString>;
      automaticFailover: z.ZodOptional<
        z.ZodEnum<{
          disabled: "disabled";
          disabling: "disabling";
          enabled: "enabled";
          enabling: "enabling";
        }>
      >;
      multiAz: z.ZodOptional<z.ZodBoolean>;
      atRestEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
      transitEncryptionEnabled: z.ZodOptional<z.ZodBoolean>;
      port: z.ZodNullable<z.ZodNumber>;
    },
    z.core.$strict
  >;
  readonly "AWS::S3::Bucket": z.ZodObject<
    {
      bucketName: z.ZodString;
      publicAccessBlock: z.ZodOptional<
        z.ZodNullable<
          z.ZodObject<
            {
              blockPublicAcls: z.ZodBoolean;
              ignorePublicAcls: z.ZodBoolean;
              blockPublicPolicy: z.ZodBoolean;
              restrictPublicBuckets: z.ZodBoolean;
            },
            z.core.$strict
          >
        >
      >;
      encryption: z.ZodOptional<
        z.ZodNullable<
          z.ZodObject<
            {
              algorithm: z.ZodEnum<{
                AES256: "AES256";
                "aws:kms": "aws:kms";
                "aws:kms:dsse": "aws:kms:dsse";
              }>;
              kmsKeyId: z.ZodNullable<z.ZodString>;
            },
            z.core.$strict
          >
        >
      >;
      versioning: z.ZodOptional<
        z.ZodEnum<{
          Disabled: "Disabled";
          Enabled: "Enabled";
          Suspended: "Suspended";
        }>
      >;
      policyIsPublic: z.ZodNullable<z.ZodBoolean>;
      websiteHosting: z.ZodOptional<z.ZodBoolean>;
    },
    z.core.$strict
  >;
  readonly "AWS::CloudFront::Distribution": z.ZodObject<
    {
      distributionId: z.ZodString;
      domainName: z.ZodString;
      aliases: z.ZodArray<z.ZodString>;
      enabled: z.ZodBoolean;
      webAclId: z.ZodNullable<z.ZodString>;
      viewerProtocolPolicy: z.ZodOptional<
        z.ZodEnum<{
          "allow-all": "allow-all";
          "https-only": "https-only";
          "redirect-to-https": "redirect-to-https";
        }>
      >;
      minimumProtocolVersion: z.ZodNullable<z.ZodString>;
      certificateArn: z.ZodNullable<z.ZodString>;
      origins: z.ZodArray<
        z.ZodObject<
          {
            originId: z.ZodString;
            domainName: z.ZodString;
            kind: z.ZodEnum<{
              custom: "custom";
              s3: "s3";
            }>;
            originAccessControlId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
            originAccessIdentity: z.ZodNullable<z.ZodString>;
            originProtocolPolicy: z.ZodNullable<
              z.ZodEnum<{
                "http-only": "http-only";
                "https-only": "https-only";
                "match-viewer": "match-viewer";
              }>
            >;
          },
          z.core.$strict
        >
      >;
      lambdaEdgeArns: z.ZodArray<z.ZodString>;
    },
    z.core.$strict
  >;
  readonly "AWS::Route53::HostedZone": z.ZodObject<
    {
      hostedZoneId: z.ZodString;
      zoneName: z.ZodString;
      privateZone: z.ZodBoolean;
      vpcIds: z.ZodArray<z.ZodString>;
      recordCount: z.ZodNumber;
    },
    z.core.$strict
  >;
  readonly "AWS::Route53::RecordSet": z.ZodObject<
    {
      hostedZoneId: z.ZodString;
      recordName: z.ZodString;
      recordType: z.ZodString;
      ttl: z.ZodNullable<z.ZodNumber>;
      values: z.ZodArray<z.ZodString>;
      aliasTarget: z.ZodNullable<
        z.ZodObject<
          {
            dnsName: z.ZodString;
            hostedZoneId: z.ZodString;
            evaluateTargetHealth: z.ZodBoolean;
          },
          z.core.$strict
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::CertificateManager::Certificate": z.ZodObject<
    {
      domainName: z.ZodString;
      subjectAlternativeNames: z.ZodArray<z.ZodString>;
      status: z.ZodString;
      certificateType: z.ZodEnum<{
        AMAZON_ISSUED: "AMAZON_ISSUED";
        IMPORTED: "IMPORTED";
        PRIVATE: "PRIVATE";
      }>;
      keyAlgorithm: z.ZodString;
      notAfter: z.ZodNullable<z.ZodString>;
      inUseBy: z.ZodArray<z.ZodString>;
    },
    z.core.$strict
  >;
  readonly "AWS::AutoScaling::AutoScalingGroup": z.ZodObject<
    {
      autoScalingGroupName: z.ZodString;
      minSize: z.ZodNumber;
      maxSize: z.ZodNumber;
      desiredCapacity: z.ZodNumber;
      availabilityZones: z.ZodArray<z.ZodString>;
      subnetIds: z.ZodArray<z.ZodString>;
      instanceIds: z.ZodArray<z.ZodString>;
      targetGroupArns: z.ZodArray<z.ZodString>;
      launchTemplate: z.ZodNullable<z.ZodString>;
      healthCheckType: z.ZodString;
    },
    z.core.$strict
  >;
  readonly "AWS::ECS::Cluster": z.ZodObject<
    {
      clusterName: z.ZodString;
      status: z.ZodString;
      capacityProviders: z.ZodArray<z.ZodString>;
      containerInsights: z.ZodBoolean;
    },
    z.core.$strict
  >;
  readonly "AWS::ECS::Service": z.ZodObject<
    {
      serviceName: z.ZodString;
      clusterArn: z.ZodString;
      launchType: z.ZodNullable<
        z.ZodEnum<{
          EC2: "EC2";
          EXTERNAL: "EXTERNAL";
          FARGATE: "FARGATE";
        }>
      >;
      desiredCount: z.ZodNumber;
      runningCount: z.ZodNumber;
      taskDefinitionArn: z.ZodString;
      networkConfiguration: z.ZodNullable<
        z.ZodObject<
          {
            subnetIds: z.ZodArray<z.ZodString>;
            securityGroupIds: z.ZodArray<z.ZodString>;
            assignPublicIp: z.ZodBoolean;
          },
          z.core.$strict
        >
      >;
      loadBalancers: z.ZodArray<
        z.ZodObject<
          {
            targetGroupArn: z.ZodString;
            containerName: z.ZodString;
            containerPort: z.ZodNumber;
          },
          z.core.$strict
        >
      >;
    },
    z.core.$strict
  >;
  readonly "AWS::Lambda::Function": z.ZodObject<
    {
      functionName: z.ZodString;
      runtime: z.ZodNullable<z.ZodString>;
      packageType: z.ZodEnum<{
        Image: "Image";
        Zip: "Zip";
      }>;
      roleArn: z.ZodString;
      architectures: z.ZodArray<z.ZodString>;
      vpcConfig: z.ZodNullable<
        z.ZodObject<
          {
            vpcId: z.ZodString;
            subnetIds: z.ZodArray<z.ZodString>;
            securityGroupIds: z.ZodArray<z.ZodString>;
          },
          z.core.$strict
        >
      >;
    },
    z.core.$strict
  >;
};
export type KnownType = keyof typeof PROPS_BY_TYPE;
export type PropsOf<T extends KnownType> = z.infer<(typeof PROPS_BY_TYPE)[T]>;
export declare const KNOWN_TYPES: KnownType[];
export declare function isKnownType(type: string): type is KnownType;
