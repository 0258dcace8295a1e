{{- /*
Identical in every chart that runs a component (ChartDriftIT checks it; hack/update-chart-rbac.sh
copies it from kubestellar-core). The parts of a component's workload besides its Deployment.

"kubestellar.pdb" and "kubestellar.networkPolicy" take a dict with
  name, namespace       of the object
  labels, selector      the component's labels and its pods' selector labels (dicts)
  podDisruptionBudget   values: enabled, maxUnavailable
  networkPolicy         values: enabled, managementFrom, apiServerPorts, apiServerTo
*/ -}}

{{- /* The three probes of a component's container, from the chart's probes values. */ -}}
{{- define "kubestellar.probes" -}}
startupProbe:
  httpGet:
    path: /healthz
    port: management
  {{- toYaml .startup | nindent 2 }}
livenessProbe:
  httpGet:
    path: /healthz
    port: management
  {{- toYaml .liveness | nindent 2 }}
readinessProbe:
  httpGet:
    path: /readyz
    port: management
  {{- toYaml .readiness | nindent 2 }}
{{- end }}

{{- /*
Topology spread constraints; one without a labelSelector gets the component's selector labels, so
that a constraint can be given as just maxSkew, topologyKey and whenUnsatisfiable.
*/ -}}
{{- define "kubestellar.spreadConstraints" -}}
{{- $selector := .selector }}
{{- $result := list }}
{{- range .constraints }}
{{- $result = append $result (merge (deepCopy .) (dict "labelSelector" (dict "matchLabels" $selector))) }}
{{- end }}
{{- toYaml $result }}
{{- end }}

{{- /* The PodDisruptionBudget of one component, when enabled. */ -}}
{{- define "kubestellar.pdb" -}}
{{- if .podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  namespace: {{ .namespace }}
  labels:
    {{- toYaml .labels | nindent 4 }}
spec:
  # A standby replica (leader election) may go at any time; with one replica this never blocks a
  # node drain, it only says how many may be down at once.
  maxUnavailable: {{ .podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- toYaml .selector | nindent 6 }}
{{- end }}
{{- end }}

{{- /*
The NetworkPolicy of one component, when networkPolicy.enabled: ingress only to the management
port, egress only to DNS and the API servers.
*/ -}}
{{- define "kubestellar.networkPolicy" -}}
{{- $np := .networkPolicy }}
{{- if $np.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  namespace: {{ .namespace }}
  labels:
    {{- toYaml .labels | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- toYaml .selector | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    # /metrics (and /healthz, /readyz for anything but the kubelet, which most network plugins
    # let through anyway).
    - ports:
        - port: management
          protocol: TCP
      {{- with $np.managementFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    # The API servers of the spaces the component reaches.
    - ports:
        {{- range $np.apiServerPorts }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
      {{- with $np.apiServerTo }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
{{- end }}
