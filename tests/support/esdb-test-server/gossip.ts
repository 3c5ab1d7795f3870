import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { UUID, type Empty } from '@eventstore/db-client/generated/shared_pb';

/**
 * Gossip.Read for `esdb+discover://` connection strings: a cluster of one
 * live leader, which is what a single node reports.
 */
export function gossipHandler(instanceId: string, address: () => { host: string; port: number }) {
  return (
    _call: ServerUnaryCall<Empty, ClusterInfo>,
    callback: sendUnaryData<ClusterInfo>,
  ): void => {
    const { host, port } = address();
    const member = new MemberInfo()
      .setInstanceId(new UUID().setString(instanceId))
      .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
      .setState(MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new EndPoint().setAddress(host).setPort(port));
    callback(null, new ClusterInfo().setMembersList([member]));
  };
}
