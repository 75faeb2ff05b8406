import { handleTrpcRequest } from "@/server/api/http";

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
