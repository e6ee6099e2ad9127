{{/* Chart name, cut to 63 characters (the DNS label limit of Kubernetes names). */}}
{{- define "homeostat.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name: release-chart unless the release name already contains the chart name; cut to 63. */}}
{{- define "homeostat.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A name derived from the full name with a suffix, still within 63 characters. */}}
{{- define "homeostat.suffixed" -}}
{{- $suffix := printf "-%s" .suffix -}}
{{- printf "%s%s" (include "homeostat.fullname" .ctx | trunc (int (sub 63 (len $suffix))) | trimSuffix "-") $suffix -}}
{{- end -}}

{{- define "homeostat.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object of the release carries. */}}
{{- define "homeostat.labels" -}}
helm.sh/chart: {{ include "homeostat.chart" . }}
{{ include "homeostat.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: homeostat
{{- end -}}

{{/* Labels that select the operator pods. */}}
{{- define "homeostat.selectorLabels" -}}
app.kubernetes.io/name: {{ include "homeostat.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* ServiceAccount the operator runs as. */}}
{{- define "homeostat.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "homeostat.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Lease the operator replicas compete for. */}}
{{- define "homeostat.leaseName" -}}
{{- default (include "homeostat.fullname" .) .Values.leaderElection.leaseName -}}
{{- end -}}

{{/* Operator image reference. */}}
{{- define "homeostat.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Value of QUARKUS_OPERATOR_SDK_NAMESPACES: the watched namespaces, or JOSDK's marker for all. */}}
{{- define "homeostat.watchNamespaces" -}}
{{- if .Values.watchNamespaces -}}
{{- join "," .Values.watchNamespaces -}}
{{- else -}}
JOSDK_ALL_NAMESPACES
{{- end -}}
{{- end -}}

{{- /* Kafka client settings every app gets: Quarkus maps KAFKA_* variables onto its default Kafka client
       configuration (kafka.security.protocol, kafka.sasl.jaas.config, ...); credentials stay in Secrets. */}}
{{- define "homeostat.sampleKafkaEnv" -}}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ .kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" .kafka.securityProtocol }}
- name: KAFKA_SASL_MECHANISM
  value: {{ .kafka.sasl.mechanism | quote }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .kafka.sasl.secretName }}
      key: {{ .kafka.sasl.jaasConfigKey }}
{{- end }}
{{- if .kafka.tls.caSecretName }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_CERTIFICATES
  valueFrom:
    secretKeyRef:
      name: {{ .kafka.tls.caSecretName }}
      key: {{ .kafka.tls.caKey }}
{{- end }}
{{- end }}
